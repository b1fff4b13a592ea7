package io.oms.infra.risk;

import java.time.Instant;

/**
 * A symbol the tenant may not trade. {@code reason} may be null for rows written before the API, and
 * {@code createdBy} likewise (the API always sets both).
 */
public record RestrictedSymbol(String tenantId, String symbol, String reason, String createdBy, Instant createdAt,
                               Instant updatedAt) {}
