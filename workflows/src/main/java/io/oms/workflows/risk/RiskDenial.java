package io.oms.workflows.risk;

import java.math.BigDecimal;

/**
 * Why an order may not go to the broker, with the numbers that broke it.
 *
 * @param limit             the bound that was broken (null for rules without a number: restricted symbol, wash trade)
 * @param actual            the figure the order would reach (null when there is none, such as a missing reference price)
 * @param limitId           the {@code risk_limits} row, when a stored limit was broken
 * @param message           for people: what was broken and how
 * @param retryAfterSeconds for a rate: when the same order would pass if nothing else changed; null otherwise
 */
public record RiskDenial(DenialReason reason, BigDecimal limit, BigDecimal actual, String limitId, String message,
                         Long retryAfterSeconds) {

    public RiskDenial(DenialReason reason, BigDecimal limit, BigDecimal actual, String limitId, String message) {
        this(reason, limit, actual, limitId, message, null);
    }

    public DenialKind kind() {
        return reason.kind();
    }

    public static RiskDenial of(DenialReason reason, String message) {
        return new RiskDenial(reason, null, null, null, message, null);
    }
}
