package io.oms.ib.client;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Outbound pacing: IB counts every client message and, past about 50/s, either paces or rejects (error
 * 100, session cut after three violations), so we stay below it ourselves. Refill-on-demand from an
 * injected nanosecond clock; not thread-safe (its owner, {@link PacingGate}, is used under a lock).
 */
final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) throw new IllegalArgumentException("bad pacing " + perSecond + "/" + burst);
        this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.capacity = burst;
        this.clock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one token if one is available now. */
    boolean tryTake() {
        refill();
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Nanoseconds until a token will be available (0 when one is). */
    long nanosUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
