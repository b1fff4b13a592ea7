package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Risk limits through the API: create, list, read, replace, delete; validation; audit; tenancy; scope. */
class RiskLimitsEndToEndTest extends EndToEndTest {
    @Autowired
    private ApiKeys apiKeys;

    private static List<String> problemFields(ApiClient.Response answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode d : answer.body().get("details")) fields.add(d.get("field").asString());
        return fields;
    }

    @Test
    void createsListsReadsReplacesAndDeletesALimitAuditingEachChange() {
        OwnTenant own = ownTenant("rl", "Risk limits");
        ApiClient.Response created = own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"ACCOUNT\",\"scopeValue\":\"" + own.account() + "\",\"type\":\"MAX_NOTIONAL\",\"value\":\"250000.50\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("scope")).isEqualTo("ACCOUNT");
        assertThat(created.text("scopeValue")).isEqualTo(own.account());
        assertThat(created.text("type")).isEqualTo("MAX_NOTIONAL");
        assertThat(created.text("unit")).isEqualTo("currency");
        assertThat(created.text("value")).isEqualTo("250000.5");
        assertThat(created.text("createdBy")).isNotBlank();

        assertThat(own.api().get("/api/v1/risk/limits").body().get("items")).hasSize(1);
        assertThat(own.api().get("/api/v1/risk/limits/" + id).text("value")).isEqualTo("250000.5");

        ApiClient.Response replaced = own.api().put("/api/v1/risk/limits/" + id,
                "{\"scope\":\"TENANT\",\"type\":\"ORDER_RATE\",\"value\":20,\"periodSeconds\":60}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("scopeValue")).isNull();
        assertThat(replaced.text("type")).isEqualTo("ORDER_RATE");
        assertThat(replaced.body().get("periodSeconds").asInt()).isEqualTo(60);
        assertThat(replaced.text("createdAt")).isEqualTo(created.text("createdAt"));

        assertThat(own.api().delete("/api/v1/risk/limits/" + id).status()).isEqualTo(204);
        assertThat(own.api().get("/api/v1/risk/limits/" + id).status()).isEqualTo(404);
        assertThat(own.api().delete("/api/v1/risk/limits/" + id).status()).isEqualTo(404);
        assertThat(own.api().get("/api/v1/risk/limits").body().get("items")).isEmpty();

        String audit = own.api().get("/api/v1/audit?resourceType=risk_limit&resourceId=" + id).body().toString();
        assertThat(audit).contains("risk_limit.create", "risk_limit.update", "risk_limit.delete");
    }

    @Test
    void refusesAnInvalidLimitWithEveryFieldProblemAndStoresNothing() {
        OwnTenant own = ownTenant("rv", "Risk validation");
        ApiClient.Response missing = own.api().post("/api/v1/risk/limits", "{\"scope\":\"ACCOUNT\",\"type\":\"ORDER_RATE\",\"value\":\"-1\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(problemFields(missing)).containsExactlyInAnyOrder("scopeValue", "value", "periodSeconds");

        ApiClient.Response wrong = own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"GALAXY\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"10\",\"periodSeconds\":5}");
        assertThat(problemFields(wrong)).containsExactlyInAnyOrder("scope", "periodSeconds");
        assertThat(problemFields(own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"TENANT\",\"type\":\"OPEN_ORDERS\",\"value\":\"2.5\"}"))).containsExactly("value");
        assertThat(problemFields(own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"TENANT\",\"scopeValue\":\"x\",\"type\":\"NOPE\"}"))).containsExactlyInAnyOrder("scopeValue", "type", "value");
        assertThat(own.api().post("/api/v1/risk/limits", "not json").status()).isEqualTo(400);
        assertThat(own.api().get("/api/v1/risk/limits").body().get("items")).isEmpty();

        String id = own.api().post("/api/v1/risk/limits", "{\"scope\":\"TENANT\",\"type\":\"DAILY_LOSS\",\"value\":\"1000\"}").text("id");
        ApiClient.Response badReplace = own.api().put("/api/v1/risk/limits/" + id, "{\"scope\":\"TENANT\",\"type\":\"DAILY_LOSS\",\"value\":0}");
        assertThat(problemFields(badReplace)).containsExactly("value");
        assertThat(own.api().get("/api/v1/risk/limits/" + id).text("value")).isEqualTo("1000");
    }

    @Test
    void anotherTenantsLimitAnswersNotFoundAndStaysUnchanged() {
        OwnTenant owner = ownTenant("ro", "Risk owner");
        OwnTenant other = ownTenant("rx", "Risk other");
        String id = owner.api().post("/api/v1/risk/limits", "{\"scope\":\"TENANT\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"100\"}")
                .text("id");
        String body = "{\"scope\":\"TENANT\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"999999\"}";
        for (ApiClient.Response answer : List.of(other.api().get("/api/v1/risk/limits/" + id),
                other.api().put("/api/v1/risk/limits/" + id, body), other.api().delete("/api/v1/risk/limits/" + id))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.text("code")).isEqualTo("NOT_FOUND");
        }
        assertThat(other.api().get("/api/v1/risk/limits").body().toString()).doesNotContain(id);
        assertThat(owner.api().get("/api/v1/risk/limits/" + id).text("value")).isEqualTo("100");
        assertThat(other.api().get("/api/v1/risk/limits/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aKeyWithoutRiskManageIsRefusedAndChangesNothing() {
        OwnTenant own = ownTenant("rt", "Risk trader");
        ApiClient trader = api.withKey(apiKeys.create(own.id(), "trader", List.copyOf(Role.TRADER.scopes())));
        ApiClient.Response refused = trader.post("/api/v1/risk/limits", "{\"scope\":\"TENANT\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"1\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("risk:manage");
        assertThat(trader.get("/api/v1/risk/limits").status()).isEqualTo(403);
        assertThat(trader.get("/api/v1/risk/status?account=" + own.account()).status()).isEqualTo(403);
        assertThat(own.api().get("/api/v1/risk/limits").body().get("items")).isEmpty();
    }
}
