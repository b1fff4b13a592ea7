package io.oms.api.tenancy;

import io.oms.api.error.ApiException;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import java.util.List;

/**
 * A caller cannot hand out (or take away) a role above its own: the role's scopes must all be held by the caller
 * ({@code *} holds all). A caller's "own role" is thus what its credential can actually do, which also bounds a
 * narrow key of an admin.
 */
public final class RoleGrants {
    private RoleGrants() {}

    public static void requireWithin(ApiPrincipal caller, Role role) {
        if (caller.scopes().contains(Scopes.ALL) || caller.scopes().containsAll(role.scopes())) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "this credential cannot grant or change role " + role
                + ": it is above the credential's own", List.of(), "ask a tenant admin with role " + role + " or above");
    }

    public static Role parse(String role, String field) {
        try {
            return Role.valueOf(role == null ? "" : role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new io.oms.api.error.FieldProblem(field,
                    "must be one of ADMIN, MANAGER, TRADER, VIEWER")));
        }
    }
}
