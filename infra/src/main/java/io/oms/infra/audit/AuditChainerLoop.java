package io.oms.infra.audit;

import io.oms.infra.config.AuditChainerProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link AuditChainer} on one thread every poll interval: a tick drains up to {@link #MAX_PASSES_PER_TICK}
 * full batches, then sleeps. A failed pass (database error) is logged and retried at the next tick; nothing is
 * lost, the rows stay unchained until then. Stops after the pass in progress.
 */
public final class AuditChainerLoop implements SmartLifecycle {
    static final int MAX_PASSES_PER_TICK = 20;
    private static final Logger log = LoggerFactory.getLogger(AuditChainerLoop.class);
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    private final AuditChainer chainer;
    private final AuditChainerProperties settings;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public AuditChainerLoop(AuditChainer chainer, AuditChainerProperties settings) {
        this.chainer = chainer;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-chainer");
            t.setDaemon(true);
            return t;
        });
        running = true;
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        log.info("audit chainer polling every {} ms, batches of {}", interval, settings.batchSize());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One tick on the chainer thread; never throws, so the schedule keeps going. */
    void tick() {
        try {
            for (int i = 0; i < MAX_PASSES_PER_TICK && running; i++) {
                if (!chainer.runOnce().full()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("audit chainer pass failed, retrying next tick: {}", e.toString());
        }
    }
}
