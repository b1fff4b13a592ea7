package io.oms.activities.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * The in-flight check of a placement: how long a sent order may go without IB's first answer before it is looked
 * up at IB by orderRef, how many lookups are made, and how far apart. With the defaults a placement IB never saw
 * is given up after about 5 s + 5 lookups 1.5 s apart; the order workflow's placement timeout
 * (start-to-close 30 s) leaves room for that and for the wait for the session.
 */
public record InFlightPolicy(Duration threshold, int lookups, Duration lookupInterval) {
    /** The longest threshold that still fits the placement's start-to-close timeout with the default lookups. */
    public static final Duration MAX_THRESHOLD = Duration.ofSeconds(12);
    public static final InFlightPolicy DEFAULT = new InFlightPolicy(Duration.ofSeconds(5), 5, Duration.ofMillis(1500));

    public InFlightPolicy {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(lookupInterval, "lookupInterval");
        if (threshold.isNegative() || threshold.isZero() || threshold.compareTo(MAX_THRESHOLD) > 0) {
            throw new IllegalArgumentException("the in-flight threshold must be in (0, " + MAX_THRESHOLD + "]: " + threshold);
        }
        if (lookups < 1) throw new IllegalArgumentException("at least one lookup: " + lookups);
        if (lookupInterval.isNegative()) throw new IllegalArgumentException("negative lookup interval: " + lookupInterval);
    }

    /** The defaults with another threshold (the worker's {@code oms.broker.in-flight-threshold}). */
    public static InFlightPolicy withThreshold(Duration threshold) {
        return new InFlightPolicy(threshold, DEFAULT.lookups, DEFAULT.lookupInterval);
    }
}
