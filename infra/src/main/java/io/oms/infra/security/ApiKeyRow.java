package io.oms.infra.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored API key: its public prefix and the SHA-256 hex of the whole key, never the key itself. */
public record ApiKeyRow(
        UUID id,
        String tenantId,
        String name,
        String prefix,
        String keyHash,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {}
