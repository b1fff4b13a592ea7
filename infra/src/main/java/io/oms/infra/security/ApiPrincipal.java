package io.oms.infra.security;

import io.oms.infra.identity.Scopes;
import java.util.List;
import java.util.UUID;

/**
 * Who an authenticated request speaks for, in one tenant: an API key ({@code keyId} set, {@code userId} its
 * owner when it has one) or a signed-in user ({@code userId} and {@code sessionId} set, no key). The scopes are
 * exactly what this credential may do ({@code *} = all, bootstrap keys only).
 */
public record ApiPrincipal(String tenantId, UUID keyId, UUID userId, UUID sessionId, List<String> scopes) {
    public ApiPrincipal {
        if (tenantId == null) throw new IllegalArgumentException("tenantId is required");
        if (keyId == null && userId == null) throw new IllegalArgumentException("a key or a user is required");
        scopes = List.copyOf(scopes);
    }

    /** An API key's principal (no owner: keys imported from configuration). */
    public ApiPrincipal(String tenantId, UUID keyId, List<String> scopes) {
        this(tenantId, keyId, null, null, scopes);
    }

    public static ApiPrincipal ofUser(String tenantId, UUID userId, UUID sessionId, List<String> scopes) {
        return new ApiPrincipal(tenantId, null, userId, sessionId, scopes);
    }

    /** Who the audit trail and the order workflows name for this principal's commands. */
    public String actor() {
        return keyId != null ? "api-key:" + keyId : "user:" + userId;
    }

    /** The one identity that rate limits count against: the key, else the user. */
    public String rateLimitKey() {
        return keyId != null ? "key:" + keyId : "user:" + userId;
    }

    public boolean isApiKey() {
        return keyId != null;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(Scopes.ALL) || scopes.contains(scope);
    }
}
