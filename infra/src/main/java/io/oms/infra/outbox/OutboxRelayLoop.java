package io.oms.infra.outbox;

import io.oms.infra.config.OutboxRelayProperties;
import io.oms.infra.scheduling.PollingLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OutboxRelay} on one thread every poll interval: a tick drains up to
 * {@link #MAX_BATCHES_PER_TICK} full batches, then sleeps. After a failed delivery (or a database error) it waits
 * an exponentially growing backoff, capped, before the next attempt. Stops after the batch in progress.
 */
public final class OutboxRelayLoop extends PollingLoop {
    static final int MAX_BATCHES_PER_TICK = 20;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final OutboxRelay relay;
    private final OutboxRelayProperties settings;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant retryAt = Instant.MIN;

    public OutboxRelayLoop(OutboxRelay relay, OutboxRelayProperties settings, Clock clock) {
        super("outbox-relay", settings.pollInterval());
        log.info("outbox relay polling every {} ms, batches of {}", settings.pollInterval().toMillis(), settings.batchSize());
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    /** One tick on the relay thread; never throws, so the schedule keeps going. */
    @Override
    protected void tick() {
        if (clock.instant().isBefore(retryAt)) {
            return;
        }
        try {
            for (int i = 0; i < MAX_BATCHES_PER_TICK && isRunning(); i++) {
                RelayBatch batch = relay.runOnce();
                if (batch.failed()) {
                    backOff();
                    return;
                }
                consecutiveFailures = 0;
                if (!batch.full()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed: {}", e.toString());
            backOff();
        }
    }

    private void backOff() {
        consecutiveFailures++;
        retryAt = clock.instant().plus(backoff(consecutiveFailures, settings.retryBackoff(), settings.maxRetryBackoff()));
    }

    /** initial * 2^(failures-1), at most max. */
    static Duration backoff(int failures, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
