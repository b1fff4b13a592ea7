package io.oms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffectiveScopesTest {
    private static KeyLookup key(List<String> scopes, UUID owner, String role, boolean systemAdmin) {
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID(), "t", "k", "p", "h", scopes, Instant.EPOCH, null, null, owner, null);
        return new KeyLookup(row, true, role, systemAdmin);
    }

    @Test
    void aKeyWithoutOwnerCarriesExactlyItsScopes() {
        assertThat(EffectiveScopes.of(key(List.of("*"), null, null, false))).contains(List.of("*"));
        assertThat(EffectiveScopes.of(key(List.of("orders:view"), null, null, false))).contains(List.of("orders:view"));
    }

    @Test
    void anOwnedKeyLosesWhatTheOwnersRoleNoLongerGrants() {
        var lookup = key(List.of("orders:view", "orders:place", "tenants:admin"), UUID.randomUUID(), "TRADER", false);
        assertThat(EffectiveScopes.of(lookup)).contains(List.of("orders:view", "orders:place"));
    }

    @Test
    void systemAdminComesFromTheUserNotTheRole() {
        UUID owner = UUID.randomUUID();
        assertThat(EffectiveScopes.of(key(List.of("system:admin"), owner, "ADMIN", true))).contains(List.of("system:admin"));
        assertThat(EffectiveScopes.of(key(List.of("system:admin"), owner, "ADMIN", false))).contains(List.of());
    }

    @Test
    void anOwnerWithoutMembershipLeavesTheKeyUnusable() {
        assertThat(EffectiveScopes.of(key(List.of("orders:view"), UUID.randomUUID(), null, false))).isEmpty();
    }
}
