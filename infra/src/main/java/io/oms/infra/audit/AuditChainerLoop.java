package io.oms.infra.audit;

import io.oms.infra.config.AuditChainerProperties;
import io.oms.infra.scheduling.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AuditChainer} on one thread every poll interval: a tick drains up to {@link #MAX_PASSES_PER_TICK}
 * full batches, then sleeps. A failed pass (database error) is logged and retried at the next tick; nothing is
 * lost, the rows stay unchained until then. Stops after the pass in progress.
 */
public final class AuditChainerLoop extends PollingLoop {
    static final int MAX_PASSES_PER_TICK = 20;
    private static final Logger log = LoggerFactory.getLogger(AuditChainerLoop.class);

    private final AuditChainer chainer;
    private final AuditChainerProperties settings;

    public AuditChainerLoop(AuditChainer chainer, AuditChainerProperties settings) {
        super("audit-chainer", settings.pollInterval());
        log.info("audit chainer polling every {} ms, batches of {}", settings.pollInterval().toMillis(), settings.batchSize());
        this.chainer = chainer;
        this.settings = settings;
    }

    /** One tick on the chainer thread; never throws, so the schedule keeps going. */
    @Override
    protected void tick() {
        try {
            for (int i = 0; i < MAX_PASSES_PER_TICK && isRunning(); i++) {
                if (!chainer.runOnce().full()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("audit chainer pass failed, retrying next tick: {}", e.toString());
        }
    }
}
