package io.oms.ib.sim;

import java.util.function.LongSupplier;

/**
 * A per-connection token bucket: limit tokens per second, holding at most one second's worth, so a burst of
 * up to limit messages passes and anything faster is over the rate. Pacing is about real message rates, so
 * it runs on a nanosecond ticker (System::nanoTime in production), not on the simulator clock.
 */
final class Pacer {
    private final LongSupplier nanos;
    private double tokens = -1; // the token count is a rate measure, not money
    private long lastNanos;
    private int lastLimit;

    Pacer(LongSupplier nanos) { this.nanos = nanos; }

    /** 0 when a message may pass now (and takes its token), else the nanoseconds until one may. */
    long acquire(int limit) {
        long now = nanos.getAsLong();
        if (tokens < 0 || limit != lastLimit) {
            tokens = limit; // start (or restart after a limit change) with a full second's allowance
            lastLimit = limit;
        } else {
            tokens = Math.min(limit, tokens + (now - lastNanos) * limit / 1e9);
        }
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * 1e9 / limit);
    }
}
