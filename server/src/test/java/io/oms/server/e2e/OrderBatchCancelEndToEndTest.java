package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/orders/batch/cancel: each id answered as POST /api/v1/orders/{id}/cancel would. */
class OrderBatchCancelEndToEndTest extends EndToEndTest {
    private static final String CANCEL = "/api/v1/orders/batch/cancel";

    @Autowired
    TenantRepository tenants;
    @Autowired
    ApiKeys apiKeys;

    private static String ids(String... ids) {
        return "{\"ids\":[" + String.join(",", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    private String restingOrder() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("bc"), "MSFT", "BUY", "LMT", "2", "1.00"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        return placed.text("id");
    }

    @Test
    void cancelsRestingOrdersAndAnswersUnknownAndFilledOnesPerItem() {
        String first = restingOrder();
        String second = restingOrder();
        String filled = api.post("/api/v1/orders", order(uniqueId("bcf"), "SPY", "BUY", "MKT", "1", null)).text("id");
        awaitState(filled, "FILLED");
        String unknown = UUID.randomUUID().toString();

        ApiClient.Response answer = api.post(CANCEL, ids(first, unknown, second, filled, "not-an-id"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("order").get("id").asString()).isEqualTo(first);
        assertThat(results.get(0).get("order").get("state").asString()).isEqualTo("CANCELED");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(2).get("order").get("state").asString()).isEqualTo("CANCELED");
        assertError(results.get(1), 1, 404, "NOT_FOUND");
        assertError(results.get(3), 3, 409, "STATE_CONFLICT");
        assertError(results.get(4), 4, 404, "NOT_FOUND");
        assertThat(api.get("/api/v1/orders/" + first).text("state")).isEqualTo("CANCELED");
        assertThat(api.get("/api/v1/orders/" + second).text("state")).isEqualTo("CANCELED");
        assertThat(api.get("/api/v1/orders/" + filled).text("state")).isEqualTo("FILLED");
        assertThat(results.get(3).get("error").get("message").asString())
                .isEqualTo(api.post("/api/v1/orders/" + filled + "/cancel", "").text("message"));
    }

    @Test
    void anotherTenantsOrdersAreNotFoundPerItemAndStayWorking() {
        String ours = restingOrder();
        String tenant = "bcan" + UUID.randomUUID().toString().substring(0, 8);
        tenants.ensure(tenant, "Batch cancel tenant");
        ApiClient other = api.withKey(apiKeys.create(tenant, "e2e-bcan", List.of("*")));

        ApiClient.Response answer = other.post(CANCEL, ids(ours));

        assertThat(answer.status()).isEqualTo(200);
        assertError(answer.body().get("results").get(0), 0, 404, "NOT_FOUND");
        assertThat(api.get("/api/v1/orders/" + ours).text("state")).isEqualTo("ROUTED");
        assertThat(api.post("/api/v1/orders/" + ours + "/cancel", "").status()).isEqualTo(200);
    }

    @Test
    void emptyOrOversizedCancelBatchesAreRefusedAndCancelNothing() {
        String resting = restingOrder();
        List<String> many = new ArrayList<>();
        many.add(resting);
        for (int i = 0; i < 100; i++) {
            many.add(UUID.randomUUID().toString());
        }

        ApiClient.Response oversized = api.post(CANCEL, ids(many.toArray(String[]::new)));
        ApiClient.Response empty = api.post(CANCEL, "{\"ids\":[]}");

        assertThat(List.of(oversized, empty)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(r.body().get("details").toString()).contains("ids");
        });
        assertThat(api.get("/api/v1/orders/" + resting).text("state")).isEqualTo("ROUTED");
        api.post("/api/v1/orders/" + resting + "/cancel", "");
    }

    @Test
    void anIdListedTwiceCancelsTheOrderAndAnswersBothListings() {
        String resting = restingOrder();

        ApiClient.Response answer = api.post(CANCEL, ids(resting, resting));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().get("results");
        assertThat(results).hasSize(2);
        assertThat(List.of(results.get(0).get("status").asInt(), results.get(1).get("status").asInt()))
                .allSatisfy(status -> assertThat(status).isIn(200, 202, 409)).contains(200);
        assertThat(awaitState(resting, "CANCELED").text("state")).isEqualTo("CANCELED");
    }

    private static void assertError(JsonNode item, int index, int status, String code) {
        assertThat(item.get("index").asInt()).isEqualTo(index);
        assertThat(item.get("status").asInt()).isEqualTo(status);
        assertThat(item.has("order")).isFalse();
        assertThat(item.get("error").get("code").asString()).isEqualTo(code);
        assertThat(item.get("error").get("trace_id").asString()).isNotBlank();
    }
}
