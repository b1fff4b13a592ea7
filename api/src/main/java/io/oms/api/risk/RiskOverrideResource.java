package io.oms.api.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.Decimals;
import io.oms.infra.risk.OverrideTerms;
import io.oms.infra.risk.RiskOverride;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A risk override as the API shows it, with its status at the time of the answer (ACTIVE, USED, EXPIRED,
 * REVOKED). ORDER overrides carry the terms they allow and the reasons they waive; LIMIT ones the limit they lift.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskOverrideResource(String id, String kind, String status, String account, String symbol, String side,
                                   String qty, String type, String limitPrice, List<String> reasons, String orderId,
                                   String limitId, String reason, String createdBy, Instant createdAt,
                                   Instant expiresAt, Instant revokedAt, String revokedBy, Instant usedAt,
                                   String usedByOrder) {

    static RiskOverrideResource of(RiskOverride o, Instant now) {
        OverrideTerms t = o.terms();
        return new RiskOverrideResource(o.id().toString(), o.kind().name(), o.statusAt(now).name(),
                t == null ? null : t.account(), t == null ? null : t.symbol(), t == null ? null : t.side(),
                t == null ? null : Decimals.text(t.quantity()), t == null ? null : t.type(),
                t == null ? null : Decimals.text(t.limitPrice()), t == null ? null : t.reasons(), text(o.sourceOrderId()),
                text(o.limitId()), o.reason(), o.createdBy(), o.createdAt(), o.expiresAt(), o.revokedAt(), o.revokedBy(),
                o.usedAt(), o.usedByOrder());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
