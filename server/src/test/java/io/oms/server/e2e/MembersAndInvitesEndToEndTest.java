package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/v1/members and /api/v1/invites: tenant admins manage who belongs, a tenant always keeps an admin. */
class MembersAndInvitesEndToEndTest extends EndToEndTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private People people() {
        return new People(context, api);
    }

    private static String invite(String email, String role) {
        return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    private static String token(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    @Test
    void managersListMembersAndOnlyAdminsChangeThem() {
        OwnTenant own = ownTenant("mem", "Members");
        People.Person admin = people().member(own.id(), Role.ADMIN);
        People.Person manager = people().member(own.id(), Role.MANAGER);
        People.Person trader = people().member(own.id(), Role.TRADER);

        ApiClient.Response listed = manager.api().get("/api/v1/members");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("items")).hasSize(3);
        assertThat(listed.body().toString()).contains(admin.email(), manager.email(), trader.email());
        assertThat(trader.api().get("/api/v1/members").status()).isEqualTo(403);
        assertThat(manager.api().put("/api/v1/members/" + trader.userId(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(403);

        ApiClient.Response promoted = admin.api().put("/api/v1/members/" + trader.userId(), "{\"role\":\"MANAGER\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("MANAGER");
        assertThat(admin.api().delete("/api/v1/members/" + manager.userId()).status()).isEqualTo(204);
        assertThat(admin.api().get("/api/v1/members").body().toString()).doesNotContain(manager.email());
        assertThat(admin.api().get("/api/v1/audit?resourceType=member&resourceId=" + trader.userId()).body().toString())
                .contains("member.role_change");
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        OwnTenant own = ownTenant("last", "Last admin");
        People.Person admin = people().member(own.id(), Role.ADMIN);

        ApiClient.Response demote = admin.api().put("/api/v1/members/" + admin.userId(), "{\"role\":\"MANAGER\"}");
        ApiClient.Response remove = admin.api().delete("/api/v1/members/" + admin.userId());

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(remove.status()).isEqualTo(409);
        assertThat(admin.api().get("/api/v1/members").body().get("items").get(0).get("role").asString()).isEqualTo("ADMIN");

        People.Person second = people().member(own.id(), Role.ADMIN);
        assertThat(second.api().put("/api/v1/members/" + admin.userId(), "{\"role\":\"MANAGER\"}").status()).isEqualTo(200);
        assertThat(second.api().delete("/api/v1/members/" + second.userId()).status()).isEqualTo(409);
    }

    @Test
    void badRolesUnknownMembersAndOtherTenantsMembersAreRefused() {
        OwnTenant own = ownTenant("bad", "Bad input");
        OwnTenant other = ownTenant("oth", "Other");
        People.Person admin = people().member(own.id(), Role.ADMIN);
        People.Person stranger = people().member(other.id(), Role.TRADER);

        ApiClient.Response badRole = admin.api().put("/api/v1/members/" + admin.userId(), "{\"role\":\"OWNER\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().get("details").toString()).contains("role");
        assertThat(admin.api().put("/api/v1/members/" + UUID.randomUUID(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(404);
        assertThat(admin.api().put("/api/v1/members/" + stranger.userId(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(404);
        assertThat(admin.api().delete("/api/v1/members/" + stranger.userId()).status()).isEqualTo(404);
        assertThat(admin.api().delete("/api/v1/members/nope").status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/members").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT role FROM memberships WHERE user_id = :u").param("u", stranger.userId())
                .query(String.class).single()).isEqualTo("TRADER");
    }

    @Test
    void aCallerCannotGrantARoleAboveWhatItsCredentialHolds() {
        OwnTenant own = ownTenant("above", "Above");
        People.Person admin = people().member(own.id(), Role.ADMIN);
        People.Person viewer = people().member(own.id(), Role.VIEWER);
        ApiClient narrowAdmin = people().withKey(own.id(), admin.userId(), admin.email(),
                List.of("tenants:admin", "tenants:manage")).api();

        ApiClient.Response promote = narrowAdmin.put("/api/v1/members/" + viewer.userId(), "{\"role\":\"TRADER\"}");
        ApiClient.Response invite = narrowAdmin.post("/api/v1/invites", invite(People.email("x"), "ADMIN"));

        assertThat(promote.status()).isEqualTo(403);
        assertThat(promote.text("message")).contains("TRADER");
        assertThat(invite.status()).isEqualTo(403);
        assertThat(admin.api().post("/api/v1/invites", invite(People.email("y"), "ADMIN")).status()).isEqualTo(201);
    }

    @Test
    void anInviteIsAcceptedOnceByTheInvitedUserAndMakesThemAMember() {
        OwnTenant own = ownTenant("inv", "Inviting");
        OwnTenant home = ownTenant("hom", "Home");
        People.Person admin = people().member(own.id(), Role.ADMIN);
        People.Person invitee = people().member(home.id(), Role.VIEWER);
        People.Person someoneElse = people().member(home.id(), Role.VIEWER);

        ApiClient.Response created = admin.api().post("/api/v1/invites", invite(invitee.email(), "TRADER"));

        assertThat(created.status()).isEqualTo(201);
        String inviteToken = created.text("token");
        assertThat(inviteToken).startsWith("inv_");
        assertThat(created.text("status")).isEqualTo("PENDING");
        String listed = admin.api().get("/api/v1/invites").body().toString();
        assertThat(listed).contains(created.text("id")).doesNotContain(inviteToken);
        assertThat(admin.api().get("/api/v1/audit?resourceType=invite").body().toString())
                .contains("invite.create").doesNotContain(inviteToken);

        ApiClient.Response wrongUser = someoneElse.api().post("/api/v1/invites/accept", token(inviteToken));
        assertThat(wrongUser.status()).isEqualTo(403);
        ApiClient.Response accepted = invitee.api().post("/api/v1/invites/accept", token(inviteToken));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("tenantId")).isEqualTo(own.id());
        assertThat(accepted.text("role")).isEqualTo("TRADER");
        assertThat(invitee.api().post("/api/v1/invites/accept", token(inviteToken)).status()).isEqualTo(409);
        assertThat(admin.api().get("/api/v1/members").body().toString()).contains(invitee.email());
        assertThat(admin.api().get("/api/v1/invites").body().toString()).contains("ACCEPTED");
        assertThat(admin.api().delete("/api/v1/invites/" + created.text("id")).status()).isEqualTo(409);
    }

    @Test
    void acceptingNeedsASignedInUser() {
        OwnTenant own = ownTenant("who", "Who");
        String inviteToken = own.api().post("/api/v1/invites", invite(People.email("z"), "VIEWER")).text("token");

        ApiClient.Response anonymous = api.withKey(null).post("/api/v1/invites/accept", token(inviteToken));
        ApiClient.Response keyWithoutUser = own.api().post("/api/v1/invites/accept", token(inviteToken));
        People.Person user = people().member(own.id(), Role.VIEWER);
        ApiClient.Response unknown = user.api().post("/api/v1/invites/accept", token("inv_unknown"));
        ApiClient.Response missing = user.api().post("/api/v1/invites/accept", "{}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(keyWithoutUser.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void revokedAndExpiredInvitesCannotBeAccepted() {
        OwnTenant own = ownTenant("rvk", "Revoking");
        OwnTenant home = ownTenant("hm2", "Home 2");
        People.Person invitee = people().member(home.id(), Role.VIEWER);
        ApiClient.Response revoked = own.api().post("/api/v1/invites", invite(invitee.email(), "VIEWER"));

        assertThat(own.api().delete("/api/v1/invites/" + revoked.text("id")).status()).isEqualTo(204);
        assertThat(invitee.api().post("/api/v1/invites/accept", token(revoked.text("token"))).status()).isEqualTo(409);

        ApiClient.Response expiring = own.api().post("/api/v1/invites", invite(invitee.email(), "VIEWER"));
        assertThat(expiring.status()).isEqualTo(201); // the revoked one no longer blocks a new invite
        jdbc.sql("UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
                .param("id", expiring.text("id")).update();
        ApiClient.Response late = invitee.api().post("/api/v1/invites/accept", token(expiring.text("token")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("message")).contains("expired");
        assertThat(own.api().get("/api/v1/members").body().toString()).doesNotContain(invitee.email());
    }

    @Test
    void duplicateInvitesBadInputAndOtherTenantsInvitesAreRefused() {
        OwnTenant own = ownTenant("dup", "Duplicates");
        OwnTenant other = ownTenant("ot2", "Other 2");
        People.Person member = people().member(own.id(), Role.VIEWER);
        String email = People.email("dup");
        ApiClient.Response first = own.api().post("/api/v1/invites", invite(email, "VIEWER"));

        assertThat(own.api().post("/api/v1/invites", invite(email.toUpperCase(), "TRADER")).status()).isEqualTo(409);
        assertThat(own.api().post("/api/v1/invites", invite(member.email(), "TRADER")).status()).isEqualTo(409);
        assertThat(own.api().post("/api/v1/invites", invite("not-an-email", "VIEWER")).status()).isEqualTo(400);
        assertThat(own.api().post("/api/v1/invites", invite(People.email("r"), "KING")).status()).isEqualTo(400);
        assertThat(other.api().delete("/api/v1/invites/" + first.text("id")).status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/invites").body().toString()).doesNotContain(first.text("id"));
        assertThat(own.api().get("/api/v1/invites").body().toString()).contains("PENDING");
    }
}
