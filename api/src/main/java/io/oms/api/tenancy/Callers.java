package io.oms.api.tenancy;

import io.oms.infra.security.ApiPrincipal;

/** The same caller speaking in another tenant: for audit records that belong to the tenant a command changed. */
final class Callers {
    private Callers() {}

    static ApiPrincipal in(String tenantId, ApiPrincipal caller) {
        return new ApiPrincipal(tenantId, caller.keyId(), caller.userId(), caller.sessionId(), caller.scopes());
    }
}
