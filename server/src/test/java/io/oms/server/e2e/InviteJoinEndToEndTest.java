package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How a new person joins a tenant: they register (no tenant yet, so login alone is refused), an admin invites
 * their email, and they log in with the invite's token: the invite is accepted once and they land in that tenant
 * with the invited role.
 */
class InviteJoinEndToEndTest extends EndToEndTest {
    private static final String PASSWORD = "Joining-Passphrase-42";

    @Test
    void registeredUserJoinsTheTenantByLoggingInWithTheInviteToken() {
        ApiClient anonymous = api.withKey(null);
        String email = "joiner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(anonymous.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Joiner\"}").status()).isEqualTo(201);
        ApiClient.Response beforeInvite = login(anonymous, email, null);
        assertThat(beforeInvite.status()).isEqualTo(403);

        ApiClient.Response invite = api.post("/api/v1/invites", "{\"email\":\"" + email + "\",\"role\":\"VIEWER\"}");
        assertThat(invite.status()).isEqualTo(201);
        String token = invite.text("token");

        ApiClient.Response joined = login(anonymous, email, token);
        assertThat(joined.status()).as("%s", joined.body()).isEqualTo(200);
        assertThat(joined.text("tenant")).isEqualTo("demo");
        assertThat(joined.body().path("scopes").toString()).contains("orders:view").doesNotContain("orders:place");
        ApiClient viewer = anonymous.withKey(joined.text("accessToken"));
        assertThat(viewer.get("/api/v1/auth/me").text("role")).isEqualTo("VIEWER");
        assertThat(api.get("/api/v1/members").body().toString()).contains(email);

        assertThat(login(anonymous, email, token).status()).as("an invite is used once").isEqualTo(409);
        assertThat(login(anonymous, email, null).status()).as("a member logs in without one").isEqualTo(200);
    }

    @Test
    void inviteTokenIsOnlyLookedAtAfterTheCredentialsAreRight() {
        ApiClient anonymous = api.withKey(null);
        String email = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient.Response invite = api.post("/api/v1/invites", "{\"email\":\"" + email + "\",\"role\":\"VIEWER\"}");
        ApiClient.Response wrong = anonymous.post("/api/v1/auth/login", "{\"email\":\"" + email
                + "\",\"password\":\"not-the-password-1\",\"inviteToken\":\"" + invite.text("token") + "\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/invites").body().toString()).contains(invite.text("id"));
    }

    private static ApiClient.Response login(ApiClient anonymous, String email, String inviteToken) {
        return anonymous.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\""
                + (inviteToken == null ? "" : ",\"inviteToken\":\"" + inviteToken + "\"") + "}");
    }
}
