package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Logout and DELETE of one's own sessions end their refresh and access tokens; others' sessions answer 404. */
class SessionRevocationTest extends EndToEndTest {
    @Autowired
    ApplicationContext beans;

    private TestUsers users;
    private String tenant;

    @BeforeEach
    void users() {
        users = new TestUsers(beans, api);
        tenant = users.tenant("sess");
    }

    @Test
    void logoutEndsTheSessionsAccessAndRefreshTokens() {
        ApiClient.Response login = users.loggedIn(users.create(Role.VIEWER, tenant), null);
        ApiClient client = users.as(login);
        assertThat(client.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(client.get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(users.refresh(login.text("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void aUserListsAndRevokesAnotherOfTheirOwnSessions() {
        TestUsers.User user = users.create(Role.VIEWER, tenant);
        ApiClient.Response first = users.loggedIn(user, null);
        ApiClient.Response second = users.loggedIn(user, null);

        ApiClient.Response list = users.as(first).get("/api/v1/auth/sessions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsString("id")).contains(first.text("sessionId"), second.text("sessionId"));
        list.body().forEach(s -> assertThat(s.path("current").asBoolean())
                .isEqualTo(s.path("id").asString().equals(first.text("sessionId"))));

        assertThat(users.as(first).delete("/api/v1/auth/sessions/" + second.text("sessionId")).status()).isEqualTo(204);
        assertThat(users.as(second).get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(users.refresh(second.text("refreshToken")).status()).isEqualTo(401);
        assertThat(users.as(first).get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(users.as(first).get("/api/v1/auth/sessions").body().findValuesAsString("id"))
                .doesNotContain(second.text("sessionId"));
    }

    @Test
    void anotherUsersOrAnotherTenantsSessionAnswers404AndStaysValid() {
        ApiClient.Response mine = users.loggedIn(users.create(Role.ADMIN, tenant), null);
        ApiClient.Response theirs = users.loggedIn(users.create(Role.VIEWER, tenant), null);
        assertThat(users.as(mine).delete("/api/v1/auth/sessions/" + theirs.text("sessionId")).status()).isEqualTo(404);
        assertThat(users.as(theirs).get("/api/v1/orders").status()).isEqualTo(200);

        String other = users.tenant("sess-other");
        TestUsers.User both = users.create(Role.VIEWER, tenant, other);
        ApiClient.Response here = users.loggedIn(both, tenant);
        ApiClient.Response there = users.loggedIn(both, other);
        assertThat(users.as(here).delete("/api/v1/auth/sessions/" + there.text("sessionId")).status()).isEqualTo(404);
        assertThat(users.as(there).get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(users.as(here).delete("/api/v1/auth/sessions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void sessionEndpointsNeedAUsersTokenNotAnApiKey() {
        ApiClient.Response r = api.get("/api/v1/auth/sessions");
        assertThat(r.status()).isEqualTo(403);
        assertThat(users.anonymous().get("/api/v1/auth/sessions").status()).isEqualTo(401);
        assertThat(users.anonymous().post("/api/v1/auth/logout", "").status()).isEqualTo(401);
    }
}
