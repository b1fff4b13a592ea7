package io.oms.infra.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored API key: its public prefix and the SHA-256 hex of the whole key, never the key itself. A key with an
 * {@code ownerUserId} is bounded by that user's current role in the tenant; one without (imported from
 * configuration, or created by such a key) carries exactly its scopes.
 */
public record ApiKeyRow(
        UUID id,
        String tenantId,
        String name,
        String prefix,
        String keyHash,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        UUID ownerUserId,
        Instant lastUsedAt) {

    public ApiKeyRow {
        scopes = List.copyOf(scopes);
    }

    /** A key without owner that was never used. */
    public ApiKeyRow(UUID id, String tenantId, String name, String prefix, String keyHash, List<String> scopes,
                     Instant createdAt, Instant expiresAt, Instant revokedAt) {
        this(id, tenantId, name, prefix, keyHash, scopes, createdAt, expiresAt, revokedAt, null, null);
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
