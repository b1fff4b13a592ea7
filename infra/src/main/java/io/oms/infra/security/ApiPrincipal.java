package io.oms.infra.security;

import java.util.List;
import java.util.UUID;

/** Who an authenticated API key speaks for: its tenant, the key's id and its scopes ({@code *} = all). */
public record ApiPrincipal(String tenantId, UUID keyId, List<String> scopes) {
    public ApiPrincipal {
        scopes = List.copyOf(scopes);
    }

    /** Who the audit trail and the order workflows name for this key's commands. */
    public String actor() {
        return "api-key:" + keyId;
    }

    public boolean hasScope(String scope) {
        return scopes.contains("*") || scopes.contains(scope);
    }
}
