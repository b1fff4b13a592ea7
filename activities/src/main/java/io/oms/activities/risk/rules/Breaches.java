package io.oms.activities.risk.rules;

import io.oms.infra.risk.RiskLimit;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The common shape of a ceiling check: the first (tightest) limit the figure is above denies; equal passes. */
final class Breaches {
    private Breaches() {}

    static Optional<RiskDenial> above(DenialReason reason, List<RiskLimit> limits, BigDecimal actual, String what) {
        for (RiskLimit limit : limits) {
            if (actual.compareTo(limit.value()) > 0) {
                return Optional.of(denial(reason, limit, actual, what + " " + plain(actual) + " is above the limit "
                        + plain(limit.value()) + " (" + scope(limit) + ")"));
            }
        }
        return Optional.empty();
    }

    static RiskDenial denial(DenialReason reason, RiskLimit limit, BigDecimal actual, String message) {
        return new RiskDenial(reason, limit.value(), actual, limit.id().toString(), message);
    }

    static String scope(RiskLimit limit) {
        return limit.scope() + (limit.scopeValue() == null ? "" : " " + limit.scopeValue());
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
