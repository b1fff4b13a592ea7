package io.oms.api.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.infra.security.ApiKeyRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as the API shows it: never its hash, and its plaintext {@code key} only in the answer that created
 * or rotated it. {@code status} is ACTIVE, EXPIRED or REVOKED.
 */
public record ApiKeyResource(UUID id, String name, String prefix, List<String> scopes, UUID ownerUserId,
                             String status, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    static ApiKeyResource of(ApiKeyRow row, Instant now) {
        return withKey(row, now, null);
    }

    static ApiKeyResource withKey(ApiKeyRow row, Instant now, String plaintext) {
        String status = row.revokedAt() != null ? "REVOKED" : row.isActive(now) ? "ACTIVE" : "EXPIRED";
        return new ApiKeyResource(row.id(), row.name(), row.prefix(), row.scopes(), row.ownerUserId(), status,
                row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.revokedAt(), plaintext);
    }

    @Override
    public String toString() {
        return "ApiKeyResource[" + id + ", " + name + "]"; // never the key
    }
}
