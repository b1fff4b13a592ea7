package io.oms.api.apikeys;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which scopes a caller may put on a key: only scopes it holds itself ({@code *} only by a {@code *} holder, who
 * may grant anything). An unknown scope is a 400 VALIDATION_ERROR, a known one the caller lacks a 403 FORBIDDEN;
 * both name the scopes in {@code details}.
 */
public final class ScopeGrants {
    private ScopeGrants() {}

    /** The requested scopes, deduplicated in their order, once they passed both checks. */
    public static List<String> check(ApiPrincipal caller, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem("scopes", "at least one scope is required")));
        }
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String scope = requested.get(i);
            if (scope == null || !Scopes.isKnown(scope)) {
                unknown.add(new FieldProblem("scopes[" + i + "]", "is not a known scope: " + scope));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.validation(unknown);
        }
        requireHeld(caller, requested);
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /** Refuses (403) when any of these scopes is beyond what the caller holds. */
    public static void requireHeld(ApiPrincipal caller, List<String> scopes) {
        List<String> beyond = new LinkedHashSet<>(scopes).stream()
                .filter(scope -> Scopes.ALL.equals(scope) ? !caller.scopes().contains(Scopes.ALL) : !caller.hasScope(scope))
                .toList();
        if (!beyond.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "a credential can grant only scopes it holds itself; not held: "
                    + String.join(", ", beyond),
                    beyond.stream().map(scope -> new FieldProblem("scopes", scope + " is not held by this credential")).toList(),
                    "ask for a subset of this credential's scopes");
        }
    }
}
