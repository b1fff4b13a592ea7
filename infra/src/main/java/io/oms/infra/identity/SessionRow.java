package io.oms.infra.identity;

import java.time.Instant;
import java.util.UUID;

/** A login session in one tenant (the family of its refresh tokens). */
public record SessionRow(UUID id, UUID userId, String tenantId, Instant createdAt, Instant lastUsedAt,
                         Instant expiresAt, Instant revokedAt, String revokedReason) {}
