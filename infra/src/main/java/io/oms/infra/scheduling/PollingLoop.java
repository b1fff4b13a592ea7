package io.oms.infra.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A background pass repeated on one daemon thread with a fixed delay between passes, started and stopped with
 * the application (waiting a bounded time for the pass in progress). Subclasses say what one tick does; a tick
 * must not throw, so that the schedule keeps going.
 */
public abstract class PollingLoop implements SmartLifecycle {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    protected PollingLoop(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One pass; called on the loop's thread only. */
    protected abstract void tick();

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        running = true;
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
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
}
