package io.oms.api.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.Decimals;
import io.oms.infra.risk.RiskLimit;
import java.time.Instant;

/** A risk limit as the API shows it; the value is a decimal string in {@code unit}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskLimitResource(String id, String scope, String scopeValue, String type, String unit, String value,
                                Integer periodSeconds, String createdBy, Instant createdAt, Instant updatedAt) {

    static RiskLimitResource of(RiskLimit l) {
        return new RiskLimitResource(l.id().toString(), l.scope().name(), l.scopeValue(), l.type().name(), l.type().unit(),
                Decimals.text(l.value()), l.periodSeconds(), l.createdBy(), l.createdAt(), l.updatedAt());
    }
}
