package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refresh tokens rotate on every use; a reused one revokes its whole session, refresh and access tokens alike. */
class RefreshTokenRotationTest extends EndToEndTest {
    @Autowired
    ApplicationContext beans;
    @Autowired
    JdbcClient jdbc;

    private TestUsers users;
    private String tenant;

    @BeforeEach
    void users() {
        users = new TestUsers(beans, api);
        tenant = users.tenant("refresh");
    }

    @Test
    void refreshAnswersANewRefreshTokenAndAccessTokenOfTheSameSession() {
        ApiClient.Response login = users.loggedIn(users.create(Role.TRADER, tenant), null);
        ApiClient.Response refreshed = users.refresh(login.text("refreshToken"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refreshToken")).isNotBlank().isNotEqualTo(login.text("refreshToken"));
        assertThat(refreshed.text("accessToken")).isNotEqualTo(login.text("accessToken"));
        assertThat(refreshed.text("sessionId")).isEqualTo(login.text("sessionId"));
        assertThat(refreshed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(users.as(refreshed).get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(users.refresh(refreshed.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamilyAndItsAccessTokens() {
        ApiClient.Response login = users.loggedIn(users.create(Role.TRADER, tenant), null);
        ApiClient.Response refreshed = users.refresh(login.text("refreshToken"));
        assertThat(refreshed.status()).isEqualTo(200);

        ApiClient.Response reused = users.refresh(login.text("refreshToken"));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text("code")).isEqualTo("REFRESH_TOKEN_REUSED");

        ApiClient.Response newest = users.refresh(refreshed.text("refreshToken"));
        assertThat(newest.status()).isEqualTo(401);
        assertThat(newest.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(users.as(refreshed).get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(users.as(login).get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = :id")
                .param("id", java.util.UUID.fromString(login.text("sessionId"))).query(String.class).single())
                .isEqualTo("refresh token reuse");
    }

    @Test
    void unknownOrMissingRefreshTokensAreRefused() {
        ApiClient.Response unknown = users.refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(users.anonymous().post("/api/v1/auth/refresh", "{}").status()).isEqualTo(401);
    }

    @Test
    void aRoleChangeTakesEffectAtTheNextRefresh() {
        TestUsers.User user = users.create(Role.TRADER, tenant);
        ApiClient.Response login = users.loggedIn(user, null);
        beans.getBean(MembershipRepository.class).ensure(tenant, user.id(), Role.VIEWER);

        ApiClient.Response refreshed = users.refresh(login.text("refreshToken"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("scopes").toString()).doesNotContain("orders:place").contains("orders:view");
        assertThat(users.as(refreshed).post("/api/v1/orders", "{}").status()).isEqualTo(403);
    }

    @Test
    void aRemovedMembershipEndsTheSessionAtTheNextRefresh() {
        TestUsers.User user = users.create(Role.TRADER, tenant);
        ApiClient.Response login = users.loggedIn(user, null);
        jdbc.sql("DELETE FROM memberships WHERE user_id = :u").param("u", user.id()).update();

        assertThat(users.refresh(login.text("refreshToken")).status()).isEqualTo(401);
        assertThat(users.as(login).get("/api/v1/orders").status()).isEqualTo(401);
    }
}
