package io.oms.infra.risk;

import java.time.Instant;

/**
 * One entry of a tenant's {@link RestrictionList}: the restricted {@code key} (a symbol or an account) and why.
 * {@code reason} may be null for rows written before the API or by hand, and {@code createdBy} likewise (the API
 * always sets both).
 */
public record Restriction(String tenantId, String key, String reason, String createdBy, Instant createdAt,
                          Instant updatedAt) {}
