package io.oms.infra.risk;

import java.math.BigDecimal;

/**
 * A breaker's figure over its window: {@code value} null when there is not enough data to judge (BROKER_LATENCY
 * with fewer samples than the minimum); {@code samples} how many observations it rests on; {@code detail} what it
 * is about when that matters (REPEATED_EXECUTIONS: the account, symbol and side).
 */
public record BreakerMeasurement(BigDecimal value, long samples, String detail) {
    public static BreakerMeasurement none(long samples) {
        return new BreakerMeasurement(null, samples, null);
    }
}
