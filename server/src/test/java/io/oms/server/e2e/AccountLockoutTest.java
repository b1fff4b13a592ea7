package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.LoggingNotifier;
import io.oms.infra.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Five consecutive failures lock an account (423, Retry-After); an unlock token or a tenant admin lifts it. */
class AccountLockoutTest extends EndToEndTest {
    private static final String WRONG = "Wrong-Passphrase-000";

    @Autowired
    ApplicationContext beans;
    @Autowired
    LoggingNotifier notifier;

    private TestUsers users;
    private String tenant;

    @BeforeEach
    void users() {
        users = new TestUsers(beans, api);
        tenant = users.tenant("lock");
    }

    private void lock(TestUsers.User user) {
        for (int i = 1; i < 5; i++) {
            assertThat(users.login(user.email(), WRONG, null).status()).isEqualTo(401);
        }
        ApiClient.Response fifth = users.login(user.email(), WRONG, null);
        assertThat(fifth.status()).isEqualTo(423);
    }

    @Test
    void locksAfterFiveConsecutiveFailuresAndAnswersRetryAfterEvenForTheRightPassword() {
        TestUsers.User user = users.create(Role.TRADER, tenant);
        lock(user);
        ApiClient.Response locked = users.login(user.email(), TestUsers.PASSWORD, null);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.text("code")).isEqualTo("ACCOUNT_LOCKED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 901L);
        assertThat(locked.body().has("accessToken")).isFalse();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        TestUsers.User user = users.create(Role.TRADER, tenant);
        for (int i = 0; i < 4; i++) users.login(user.email(), WRONG, null);
        assertThat(users.login(user.email(), TestUsers.PASSWORD, null).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(users.login(user.email(), WRONG, null).status()).isEqualTo(401);
        }
    }

    @Test
    void anUnlockTokenLiftsTheLockOnce() {
        TestUsers.User user = users.create(Role.TRADER, tenant);
        lock(user);
        ApiClient.Response requested = users.anonymous().post("/api/v1/auth/unlock/request",
                "{\"email\":\"" + user.email() + "\"}");
        assertThat(requested.status()).isEqualTo(202);
        String token = notifier.lastUnlockToken(user.email()).orElseThrow();

        assertThat(users.anonymous().post("/api/v1/auth/unlock", "{\"token\":\"" + token + "\"}").status()).isEqualTo(204);
        assertThat(users.login(user.email(), TestUsers.PASSWORD, null).status()).isEqualTo(200);
        ApiClient.Response again = users.anonymous().post("/api/v1/auth/unlock", "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void anUnlockRequestForAnUnknownEmailAnswersTheSame() {
        ApiClient.Response r = users.anonymous().post("/api/v1/auth/unlock/request", "{\"email\":\"nobody@example.com\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(users.anonymous().post("/api/v1/auth/unlock/request", "{}").status()).isEqualTo(400);
    }

    @Test
    void aTenantAdminUnlocksAMemberButNotAUserOfAnotherTenant() {
        TestUsers.User member = users.create(Role.TRADER, tenant);
        lock(member);
        ApiClient otherAdmin = users.as(users.loggedIn(users.create(Role.ADMIN, users.tenant("lock-other")), null));
        assertThat(otherAdmin.post("/api/v1/users/" + member.id() + "/unlock", "").status()).isEqualTo(404);
        assertThat(users.login(member.email(), TestUsers.PASSWORD, null).status()).isEqualTo(423);

        ApiClient trader = users.as(users.loggedIn(users.create(Role.TRADER, tenant), null));
        assertThat(trader.post("/api/v1/users/" + member.id() + "/unlock", "").status()).isEqualTo(403);

        ApiClient admin = users.as(users.loggedIn(users.create(Role.ADMIN, tenant), null));
        assertThat(admin.post("/api/v1/users/" + member.id() + "/unlock", "").status()).isEqualTo(204);
        assertThat(users.login(member.email(), TestUsers.PASSWORD, null).status()).isEqualTo(200);
    }
}
