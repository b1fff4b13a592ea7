package io.oms.infra.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code risk_overrides}. An ORDER override has {@code terms} (and, when it was made from a denied
 * order, {@code sourceOrderId}); a LIMIT override has {@code limitId}. {@code usedAt}/{@code usedByOrder} are set
 * once, when an order (by client order id) consumed an ORDER override.
 */
public record RiskOverride(UUID id, String tenantId, OverrideKind kind, OverrideTerms terms, UUID sourceOrderId,
                           UUID limitId, String reason, String createdBy, Instant createdAt, Instant expiresAt,
                           Instant revokedAt, String revokedBy, Instant usedAt, String usedByOrder) {

    public RiskOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((kind == OverrideKind.ORDER) != (terms != null)) throw new IllegalArgumentException("terms are for ORDER only");
        if ((kind == OverrideKind.LIMIT) != (limitId != null)) throw new IllegalArgumentException("limitId is for LIMIT only");
    }

    /** A new override, neither revoked nor used. */
    public static RiskOverride created(UUID id, String tenantId, OverrideTerms terms, UUID sourceOrderId, UUID limitId,
                                       String reason, String createdBy, Instant createdAt, Instant expiresAt) {
        return new RiskOverride(id, tenantId, terms != null ? OverrideKind.ORDER : OverrideKind.LIMIT, terms,
                sourceOrderId, limitId, reason, createdBy, createdAt, expiresAt, null, null, null, null);
    }

    public OverrideStatus statusAt(Instant now) {
        if (revokedAt != null) return OverrideStatus.REVOKED;
        if (usedAt != null) return OverrideStatus.USED;
        return expiresAt.isAfter(now) ? OverrideStatus.ACTIVE : OverrideStatus.EXPIRED;
    }
}
