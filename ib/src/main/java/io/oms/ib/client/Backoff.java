package io.oms.ib.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the delay before attempt n is uniform in
 * [0, min(max, base * 2^n)]. Full jitter (rather than a fixed or "equal" jitter) spreads the reconnects
 * of many clients after a gateway restart instead of having them hit the port in lock step. The random
 * source is injected so tests can seed it.
 */
final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || max.compareTo(base) < 0) throw new IllegalArgumentException("need 0 <= base <= max");
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The upper bound of the delay before the given attempt (0-based): base doubled per attempt, capped. */
    Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 30); // 2^30 * any sane base already exceeds every cap
        long grown = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
        return Duration.ofMillis(Math.min(maxMillis, grown));
    }

    /** A random delay in [0, ceiling(attempt)]. */
    Duration delay(int attempt) {
        long cap = ceiling(attempt).toMillis();
        return Duration.ofMillis(cap == 0 ? 0 : random.nextLong(cap + 1));
    }
}
