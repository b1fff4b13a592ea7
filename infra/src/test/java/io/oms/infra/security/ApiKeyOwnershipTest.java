package io.oms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.TenantAdminRepository;
import io.oms.infra.identity.TestUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys with an owner are bounded by the owner's current role; rotation, deactivated tenants, last use. */
class ApiKeyOwnershipTest {
    private final TestDb db = TestDb.get();
    private final ApiKeyRepository repository = new ApiKeyRepository(db.jdbc);
    private final ApiKeys keys = new ApiKeys(repository);
    private final MembershipRepository memberships = new MembershipRepository(db.jdbc, db.tx);
    private final String tenant = db.newTenant();

    @Test
    void anOwnedKeyCarriesItsScopesWhileTheOwnerHoldsThem() {
        UUID owner = TestUsers.member(db, tenant, Role.TRADER);
        String key = keys.issue(tenant, "bot", List.of("orders:place", "orders:view"), null, owner).plaintext();

        ApiPrincipal principal = keys.authenticate(key).orElseThrow();

        assertThat(principal.userId()).isEqualTo(owner);
        assertThat(principal.scopes()).containsExactly("orders:place", "orders:view");
    }

    @Test
    void demotingTheOwnerShrinksTheKeyAtItsNextUse() {
        UUID owner = TestUsers.member(db, tenant, Role.TRADER);
        TestUsers.member(db, tenant, Role.ADMIN);
        String key = keys.issue(tenant, "bot", List.of("orders:place", "orders:view"), null, owner).plaintext();

        memberships.changeRole(tenant, owner, Role.VIEWER);

        assertThat(keys.authenticate(key).orElseThrow().scopes()).containsExactly("orders:view");
    }

    @Test
    void aKeyOfAnOwnerWhoLeftTheTenantOrWasDisabledDoesNotAuthenticate() {
        UUID leaver = TestUsers.member(db, tenant, Role.TRADER);
        UUID disabled = TestUsers.member(db, tenant, Role.TRADER);
        String leaversKey = keys.issue(tenant, "bot", List.of("orders:view"), null, leaver).plaintext();
        String disabledKey = keys.issue(tenant, "bot", List.of("orders:view"), null, disabled).plaintext();

        memberships.remove(tenant, leaver);
        db.jdbc.sql("UPDATE users SET disabled_at = now() WHERE id = :id").param("id", disabled).update();

        assertThat(keys.authenticate(leaversKey)).isEmpty();
        assertThat(keys.authenticate(disabledKey)).isEmpty();
    }

    @Test
    void anOwnedWildcardKeyIsExactlyItsOwnersRole() {
        UUID owner = TestUsers.member(db, tenant, Role.VIEWER);
        String key = keys.issue(tenant, "all", List.of("*"), null, owner).plaintext();

        assertThat(keys.authenticate(key).orElseThrow().scopes())
                .containsExactlyInAnyOrderElementsOf(Role.VIEWER.scopes())
                .doesNotContain("*", "system:admin");
    }

    @Test
    void rotationKeepsTheKeyButOnlyTheNewSecretWorks() {
        IssuedKey first = keys.issue(tenant, "ci", List.of("orders:view"), Instant.now().plusSeconds(3600), null);

        IssuedKey rotated = keys.rotate(tenant, first.row().id()).orElseThrow();

        assertThat(keys.authenticate(first.plaintext())).isEmpty();
        ApiPrincipal principal = keys.authenticate(rotated.plaintext()).orElseThrow();
        assertThat(principal.keyId()).isEqualTo(first.row().id());
        assertThat(rotated.row().scopes()).isEqualTo(first.row().scopes());
        assertThat(rotated.row().expiresAt()).isEqualTo(first.row().expiresAt());
        assertThat(rotated.row().prefix()).isNotEqualTo(first.row().prefix());
    }

    @Test
    void revokedKeysAndOtherTenantsKeysCannotBeRotated() {
        IssuedKey key = keys.issue(tenant, "ci", List.of("orders:view"), null, null);
        assertThat(keys.rotate(db.newTenant(), key.row().id())).isEmpty();
        keys.revoke(tenant, key.row().id());
        assertThat(keys.rotate(tenant, key.row().id())).isEmpty();
        assertThat(keys.authenticate(key.plaintext())).isEmpty();
    }

    @Test
    void keysOfADeactivatedTenantDoNotAuthenticate() {
        String key = keys.create(tenant, "ci", List.of("*"));
        new TenantAdminRepository(db.jdbc).deactivate(tenant);
        assertThat(keys.authenticate(key)).isEmpty();
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        IssuedKey key = keys.issue(tenant, "ci", List.of("orders:view"), null, null);
        keys.authenticate(key.plaintext());
        Instant first = lastUsed(key);
        assertThat(first).isNotNull();

        keys.authenticate(key.plaintext());
        assertThat(lastUsed(key)).isEqualTo(first);

        // A minute later (by the service's clock and the database's), the next use marks it again.
        db.jdbc.sql("UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = :id")
                .param("id", key.row().id()).update();
        Instant backdated = lastUsed(key);
        new ApiKeys(repository, Clock.fixed(Instant.now().plus(2, ChronoUnit.MINUTES), ZoneOffset.UTC))
                .authenticate(key.plaintext());
        assertThat(lastUsed(key)).isAfter(backdated);
    }

    private Instant lastUsed(IssuedKey key) {
        return repository.find(tenant, key.row().id()).orElseThrow().lastUsedAt();
    }
}
