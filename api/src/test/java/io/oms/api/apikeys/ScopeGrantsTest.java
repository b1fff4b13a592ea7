package io.oms.api.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.api.error.ApiException;
import io.oms.api.tenancy.RoleGrants;
import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopeGrantsTest {
    private static ApiPrincipal caller(String... scopes) {
        return new ApiPrincipal("t", UUID.randomUUID(), List.of(scopes));
    }

    private static ErrorCode refusal(Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aSubsetOfTheCallersScopesIsGrantedDeduplicated() {
        assertThat(ScopeGrants.check(caller("orders:view", "orders:place"), List.of("orders:view", "orders:view")))
                .containsExactly("orders:view");
    }

    @Test
    void theWildcardGrantsAnythingIncludingItself() {
        assertThat(ScopeGrants.check(caller("*"), List.of("*", "system:admin"))).containsExactly("*", "system:admin");
    }

    @Test
    void aScopeBeyondTheCallersIsForbiddenAndNamed() {
        assertThatThrownBy(() -> ScopeGrants.check(caller("orders:view"), List.of("orders:view", "orders:place")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("orders:place")
                .hasMessageNotContaining("orders:view");
        assertThat(refusal(() -> ScopeGrants.check(caller("orders:view"), List.of("*")))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void unknownOrMissingScopesAreValidationErrors() {
        assertThat(refusal(() -> ScopeGrants.check(caller("*"), List.of("orders:fly")))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(refusal(() -> ScopeGrants.check(caller("*"), List.of()))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(refusal(() -> ScopeGrants.check(caller("*"), null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aRoleIsWithinACallerHoldingAllOfItsScopes() {
        RoleGrants.requireWithin(caller(Role.MANAGER.scopes().toArray(String[]::new)), Role.TRADER);
        RoleGrants.requireWithin(caller("*"), Role.ADMIN);
        assertThat(refusal(() -> RoleGrants.requireWithin(caller(Role.MANAGER.scopes().toArray(String[]::new)), Role.ADMIN)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> RoleGrants.requireWithin(caller("tenants:admin"), Role.VIEWER))).isEqualTo(ErrorCode.FORBIDDEN);
    }
}
