package io.oms.infra.risk;

import java.time.Instant;

/** An account the tenant blocks from trading; {@code reason} and {@code createdBy} may be null for rows written by hand. */
public record RestrictedAccount(String tenantId, String account, String reason, String createdBy, Instant createdAt,
                                Instant updatedAt) {}
