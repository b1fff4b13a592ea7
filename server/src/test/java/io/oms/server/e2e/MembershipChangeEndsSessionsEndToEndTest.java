package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * An access token does not outlive the membership it was issued for: removing a member, changing their role or
 * deactivating their tenant ends their sessions there, so their access and refresh tokens stop working at once
 * (in another API process: within the revocation cache's bound), not after the token's lifetime.
 */
class MembershipChangeEndsSessionsEndToEndTest extends EndToEndTest {

    @Test
    void removedMembersTokensStopWorking() {
        TestUsers users = new TestUsers(context(), api);
        TestUsers.User user = users.create(Role.TRADER, "demo");
        ApiClient.Response login = users.loggedIn(user, "demo");
        assertThat(users.as(login).get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        assertThat(api.call("DELETE", "/api/v1/members/" + user.id(), null).status()).isEqualTo(204);

        assertThat(users.as(login).get("/api/v1/orders?limit=1").status()).isEqualTo(401);
        assertThat(users.refresh(login.text("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void demotedMembersOldTokenStopsWorkingAndANewLoginCarriesTheNewRole() {
        TestUsers users = new TestUsers(context(), api);
        TestUsers.User user = users.create(Role.TRADER, "demo");
        ApiClient.Response login = users.loggedIn(user, "demo");

        assertThat(api.put("/api/v1/members/" + user.id(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(200);

        assertThat(users.as(login).post("/api/v1/orders", order(uniqueId("demoted"), "AAPL", "BUY", "LMT", "1", "1.00"))
                .status()).as("the trader-scoped token is gone").isEqualTo(401);
        ApiClient.Response again = users.loggedIn(user, "demo");
        assertThat(again.body().path("scopes").toString()).doesNotContain("orders:place");
        assertThat(users.as(again).get("/api/v1/orders?limit=1").status()).isEqualTo(200);
    }

    @Test
    void deactivatingATenantEndsEverySessionInIt() {
        TestUsers users = new TestUsers(context(), api);
        String tenant = users.tenant("deact");
        ApiClient.Response first = users.loggedIn(users.create(Role.ADMIN, tenant), tenant);
        ApiClient.Response second = users.loggedIn(users.create(Role.VIEWER, tenant), tenant);

        assertThat(api.call("DELETE", "/api/v1/tenants/" + tenant, null).status()).isEqualTo(204);

        assertThat(users.as(first).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(users.as(second).get("/api/v1/auth/me").status()).isEqualTo(401);
    }
}
