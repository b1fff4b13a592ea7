package io.oms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final TestDb db = TestDb.get();
    private final ApiKeyRepository repository = new ApiKeyRepository(db.jdbc);
    private final ApiKeys keys = new ApiKeys(repository);
    private final String tenant = db.newTenant();

    @Test
    void createdKeyHasTheDocumentedFormatAndAuthenticatesAsItsTenant() {
        String key = keys.create(tenant, "ci", List.of("orders:read", "orders:write"));
        assertThat(key).matches("oms_[a-z0-9]{8}_[A-Za-z0-9]{32}");
        ApiPrincipal principal = keys.authenticate(key).orElseThrow();
        assertThat(principal.tenantId()).isEqualTo(tenant);
        assertThat(principal.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(principal.hasScope("orders:read")).isTrue();
        assertThat(principal.hasScope("admin")).isFalse();
    }

    @Test
    void onlyTheHashIsStoredNeverTheKey() {
        String key = keys.create(tenant, "ci", List.of("*"));
        ApiKeyRow row = repository.listByTenant(tenant).getFirst();
        assertThat(row.keyHash()).isEqualTo(ApiKeys.hash(key)).hasSize(64).doesNotContain(key.substring(13));
        assertThat(row.prefix()).isEqualTo(key.substring(4, 12));
    }

    @Test
    void wrongSecretWithAKnownPrefixIsRejected() {
        String key = keys.create(tenant, "ci", List.of("*"));
        String wrong = key.substring(0, 13) + (key.charAt(13) == 'a' ? 'b' : 'a') + key.substring(14);
        assertThat(keys.authenticate(wrong)).isEmpty();
    }

    @Test
    void unknownOrMalformedKeysAreRejected() {
        assertThat(keys.authenticate("oms_zzzzzzzz_" + "A".repeat(32))).isEmpty();
        assertThat(keys.authenticate("not-a-key")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void revokedKeyIsRejected() {
        String key = keys.create(tenant, "ci", List.of("*"));
        var id = keys.authenticate(key).orElseThrow().keyId();
        assertThat(keys.revoke(tenant, id)).isTrue();
        assertThat(keys.authenticate(key)).isEmpty();
    }

    @Test
    void anotherTenantCannotRevokeTheKey() {
        String key = keys.create(tenant, "ci", List.of("*"));
        var id = keys.authenticate(key).orElseThrow().keyId();
        assertThat(keys.revoke(db.newTenant(), id)).isFalse();
        assertThat(keys.authenticate(key)).isPresent();
    }

    @Test
    void expiredKeyIsRejected() {
        String key = keys.create(tenant, "ci", List.of("*"), Instant.now().minusSeconds(1));
        assertThat(keys.authenticate(key)).isEmpty();
        String fresh = keys.create(tenant, "ci", List.of("*"), Instant.now().plusSeconds(3600));
        assertThat(keys.authenticate(fresh)).isPresent();
    }

    @Test
    void ensureImportsAGivenKeyOnceAndIsIdempotent() {
        String key = "oms_" + TestDb.randomHex(4) + "_" + "Abc123".repeat(5) + "Zz";
        keys.ensure(tenant, "bootstrap", key, List.of("*"));
        keys.ensure(tenant, "bootstrap", key, List.of("*"));
        assertThat(repository.listByTenant(tenant)).hasSize(1);
        assertThat(keys.authenticate(key)).map(ApiPrincipal::tenantId).contains(tenant);
    }

    @Test
    void ensureRefusesMalformedKeysAndPrefixCollisions() {
        assertThatThrownBy(() -> keys.ensure(tenant, "b", "oms_short_secret", List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("oms_short_secret");
        String key = "oms_" + TestDb.randomHex(4) + "_" + "A".repeat(32);
        keys.ensure(tenant, "b", key, List.of("*"));
        String samePrefix = key.substring(0, 13) + "B".repeat(32);
        assertThatThrownBy(() -> keys.ensure(tenant, "b", samePrefix, List.of("*"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactKeepsOnlyThePublicPrefix() {
        String key = keys.create(tenant, "ci", List.of("*"));
        assertThat(ApiKeys.redact(key)).startsWith(key.substring(0, 12)).doesNotContain(key.substring(13));
    }
}
