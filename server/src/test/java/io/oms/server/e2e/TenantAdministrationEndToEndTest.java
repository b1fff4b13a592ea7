package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiKeys;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** /api/v1/tenants: system administrators create, read, rename, deactivate and reactivate tenants. */
class TenantAdministrationEndToEndTest extends EndToEndTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    ApiKeys apiKeys;

    private static String newId() {
        return "tn-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSystemAdminCreatesReadsAndRenamesATenant() {
        String id = newId();

        ApiClient.Response created = api.post("/api/v1/tenants", "{\"id\":\"" + id + "\",\"name\":\"Acme\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(id);
        assertThat(created.body().get("active").asBoolean()).isTrue();
        assertThat(created.body().has("invite")).isFalse();
        assertThat(api.get("/api/v1/tenants/" + id).text("name")).isEqualTo("Acme");
        ApiClient.Response renamed = api.put("/api/v1/tenants/" + id, "{\"name\":\"Acme Capital\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants/" + id).text("name")).isEqualTo("Acme Capital");
        // Audited in the chain of the tenant that changed, not the caller's.
        assertThat(context.getBean(JdbcClient.class)
                .sql("SELECT action FROM audit_log WHERE tenant_id = :t AND resource_type = 'tenant' ORDER BY id")
                .param("t", id).query(String.class).list()).containsExactly("tenant.create", "tenant.update");
    }

    @Test
    void theListIsPagedWithAnOpaqueCursor() {
        api.post("/api/v1/tenants", "{\"id\":\"" + newId() + "\",\"name\":\"A\"}");
        api.post("/api/v1/tenants", "{\"id\":\"" + newId() + "\",\"name\":\"B\"}");

        ApiClient.Response first = api.get("/api/v1/tenants?limit=1");
        ApiClient.Response second = api.get("/api/v1/tenants?limit=1&cursor=" + first.text("next"));

        assertThat(first.body().get("items")).hasSize(1);
        assertThat(second.body().get("items")).hasSize(1);
        assertThat(second.body().get("items").get(0).get("id").asString())
                .isGreaterThan(first.body().get("items").get(0).get("id").asString());
        assertThat(api.get("/api/v1/tenants?cursor=!!!!").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tenants?limit=0").status()).isEqualTo(400);
    }

    @Test
    void deletingDeactivatesTheTenantItsKeysStopAndReactivatingRestoresThem() {
        String id = newId();
        api.post("/api/v1/tenants", "{\"id\":\"" + id + "\",\"name\":\"Soon gone\"}");
        ApiClient theirs = api.withKey(apiKeys.create(id, "theirs", List.of("orders:view")));
        assertThat(theirs.get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/tenants/" + id).status()).isEqualTo(204);

        ApiClient.Response after = api.get("/api/v1/tenants/" + id);
        assertThat(after.body().get("active").asBoolean()).isFalse();
        assertThat(after.text("deactivatedAt")).isNotNull();
        assertThat(theirs.get("/api/v1/orders?limit=1").status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/tenants/" + id).status()).isEqualTo(204);

        assertThat(api.put("/api/v1/tenants/" + id, "{\"name\":\"Back\",\"active\":true}").status()).isEqualTo(200);
        assertThat(theirs.get("/api/v1/orders?limit=1").status()).isEqualTo(200);
    }

    @Test
    void badInputDuplicatesAndUnknownTenantsAreStructuredErrors() {
        String id = newId();
        api.post("/api/v1/tenants", "{\"id\":\"" + id + "\",\"name\":\"Once\"}");

        ApiClient.Response duplicate = api.post("/api/v1/tenants", "{\"id\":\"" + id + "\",\"name\":\"Twice\"}");
        ApiClient.Response badId = api.post("/api/v1/tenants", "{\"id\":\"Not A Slug!\",\"name\":\"x\"}");
        ApiClient.Response noName = api.post("/api/v1/tenants", "{\"id\":\"" + newId() + "\"}");
        ApiClient.Response badEmail = api.post("/api/v1/tenants",
                "{\"id\":\"" + newId() + "\",\"name\":\"x\",\"adminEmail\":\"nobody\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(api.get("/api/v1/tenants/" + id).text("name")).isEqualTo("Once");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("details").toString()).contains("id");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tenants/no-such-tenant").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/tenants/no-such-tenant", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/tenants/no-such-tenant").status()).isEqualTo(404);
    }

    @Test
    void aCallerCannotDeactivateItsOwnTenant() {
        ApiClient.Response refused = api.delete("/api/v1/tenants/demo");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/tenants/demo", "{\"name\":\"Demo tenant\",\"active\":false}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/tenants/demo").body().get("active").asBoolean()).isTrue();
    }

    @Test
    void onlySystemAdministratorsMayManageTenants() {
        OwnTenant own = ownTenant("sys", "System test");
        People people = new People(context, api);
        People.Person tenantAdmin = people.member(own.id(), Role.ADMIN);
        People.Person sysAdmin = people.member(own.id(), Role.VIEWER);
        people.makeSystemAdmin(sysAdmin.userId());
        ApiClient sysKey = people.withKey(own.id(), sysAdmin.userId(), sysAdmin.email(), List.of("system:admin")).api();
        String notSys = People.email("notsys");
        UUID plain = people.user(notSys);
        context.getBean(MembershipRepository.class).add(own.id(), plain, Role.ADMIN);
        ApiClient notSysKey = people.withKey(own.id(), plain, notSys, List.of("system:admin")).api();

        for (ApiClient.Response refused : List.of(tenantAdmin.api().get("/api/v1/tenants"),
                tenantAdmin.api().post("/api/v1/tenants", "{\"id\":\"" + newId() + "\",\"name\":\"x\"}"),
                tenantAdmin.api().get("/api/v1/tenants/demo"),
                tenantAdmin.api().put("/api/v1/tenants/demo", "{\"name\":\"x\"}"),
                tenantAdmin.api().delete("/api/v1/tenants/demo"),
                notSysKey.get("/api/v1/tenants"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("hint")).contains("system:admin");
        }
        assertThat(sysKey.get("/api/v1/tenants/demo").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants/demo").text("name")).isEqualTo("Demo tenant");
    }

    @Test
    void aNewTenantWithAnAdminEmailAnswersAnAdminInviteThatPersonCanAccept() {
        People people = new People(context, api);
        OwnTenant home = ownTenant("home", "Home");
        People.Person founder = people.member(home.id(), Role.VIEWER);
        String id = newId();

        ApiClient.Response created = api.post("/api/v1/tenants",
                "{\"id\":\"" + id + "\",\"name\":\"Founded\",\"adminEmail\":\"" + founder.email().toUpperCase() + "\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode invite = created.body().get("invite");
        assertThat(invite.get("role").asString()).isEqualTo("ADMIN");
        assertThat(invite.get("email").asString()).isEqualTo(founder.email());
        ApiClient.Response accepted = founder.api().post("/api/v1/invites/accept",
                "{\"token\":\"" + invite.get("token").asString() + "\"}");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("tenantId")).isEqualTo(id);
        assertThat(accepted.text("role")).isEqualTo("ADMIN");
        ApiClient founderThere = people.withKey(id, founder.userId(), founder.email(), List.of("tenants:manage")).api();
        assertThat(founderThere.get("/api/v1/members").body().get("items").get(0).get("email").asString())
                .isEqualTo(founder.email());
    }
}
