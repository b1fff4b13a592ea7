package io.oms.api.orders;

import io.oms.api.Decimals;
import io.oms.infra.risk.StoredDenial;
import io.oms.workflows.risk.RiskDenial;

/**
 * One reason the risk engine gave, as the API shows it: the machine reason and its kind (RISK or COMPLIANCE),
 * the numbers as decimal strings (null where the rule has none), the broken limit's id, and for an order rate
 * the seconds after which the same order would pass.
 */
public record RiskDenialResource(String reason, String kind, String limit, String actual, String limitId,
                                 String message, Long retryAfterSeconds) {

    static RiskDenialResource of(RiskDenial d) {
        return new RiskDenialResource(d.reason().name(), d.kind().name(), Decimals.text(d.limit()),
                Decimals.text(d.actual()), d.limitId(), d.message(), d.retryAfterSeconds());
    }

    static RiskDenialResource of(StoredDenial d) {
        return new RiskDenialResource(d.reason(), d.kind(), Decimals.text(d.limit()), Decimals.text(d.actual()),
                d.limitId(), d.message(), d.retryAfterSeconds());
    }
}
