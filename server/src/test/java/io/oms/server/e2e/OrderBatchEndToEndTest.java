package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/orders/batch: every item answered as the single POST would, in request order. */
class OrderBatchEndToEndTest extends EndToEndTest {
    private static final String BATCH = "/api/v1/orders/batch";

    @Autowired
    JdbcClient jdbc;

    static String batch(List<String> orders) {
        return "{\"orders\":[" + String.join(",", orders) + "]}";
    }

    /** A far limit buy without a clientOrderId: it rests, and only an Idempotency-Key can make its POST repeatable. */
    static String restingBuy(String limit, int qty) {
        return "{\"account\":\"" + ACCOUNT + "\",\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LMT\",\"qty\":\"" + qty
                + "\",\"limitPrice\":\"" + limit + "\",\"tif\":\"DAY\"}";
    }

    /** A quantity no other test uses, so that counting orders of it counts only this test's. */
    static int uniqueQty() {
        return 100_000 + new java.util.Random().nextInt(900_000);
    }

    @Test
    void mixedBatchAnswersEachItemAsTheSinglePostWouldInRequestOrder() {
        String taken = uniqueId("taken");
        assertThat(api.post("/api/v1/orders", order(taken, "MSFT", "BUY", "LMT", "1", "1.00")).status()).isEqualTo(201);
        String good = order(uniqueId("good"), "MSFT", "BUY", "LMT", "3", "1.00");
        String badQty = order(uniqueId("badqty"), "MSFT", "BUY", "LMT", "-1", "1.00");
        String unknownSymbol = order(uniqueId("nosym"), "NOSUCHSYM", "BUY", "MKT", "1", null);
        String clash = order(taken, "MSFT", "SELL", "LMT", "1", "1.00");
        String rejected = order(uniqueId("rej"), "REJECT", "BUY", "MKT", "1", null);

        ApiClient.Response answer = api.post(BATCH, batch(List.of(good, badQty, unknownSymbol, clash, rejected)));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().get("results");
        assertThat(results).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
        }
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("order").get("state").asString()).isEqualTo("ROUTED");
        assertThat(results.get(0).has("error")).isFalse();
        assertThat(results.get(4).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(4).get("order").get("state").asString()).isEqualTo("REJECTED");
        assertSameAsSinglePost(results.get(1), badQty, "VALIDATION_ERROR");
        assertSameAsSinglePost(results.get(2), unknownSymbol, "VALIDATION_ERROR");
        assertSameAsSinglePost(results.get(3), clash, "DUPLICATE_CLIENT_ORDER_ID");
        assertThat(results.get(1).get("error").get("details").toString()).contains("qty");
        assertThat(results.get(1).get("error").get("trace_id").asString()).isEqualTo(answer.header("X-Trace-Id"));
        assertThat(ordersWithClientOrderIdLike("badqty-%")).isZero();
        String goodId = results.get(0).get("order").get("id").asString();
        assertThat(api.get("/api/v1/orders/" + goodId).text("state")).isEqualTo("ROUTED");
    }

    @Test
    void moreThanAHundredOrdersAreRefusedAndNothingIsCreated() {
        String prefix = "over-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            orders.add(order(prefix + "-" + i, "MSFT", "BUY", "LMT", "1", "1.00"));
        }

        ApiClient.Response answer = api.post(BATCH, batch(orders));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(answer.body().get("details").toString()).contains("orders").contains("1 to 100");
        assertThat(ordersWithClientOrderIdLike(prefix + "-%")).isZero();
    }

    @Test
    void emptyOrMalformedBatchesAreValidationErrors() {
        ApiClient.Response empty = api.post(BATCH, "{\"orders\":[]}");
        ApiClient.Response missing = api.post(BATCH, "{}");
        ApiClient.Response malformed = api.post(BATCH, "{\"orders\":\"not a list\"");

        assertThat(List.of(empty, missing, malformed)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(r.text("trace_id")).isNotBlank();
        });
    }

    @Test
    void sameIdempotencyKeyReplaysTheWholeBatchAndCreatesNothingNew() {
        String key = "batch-" + UUID.randomUUID();
        int qty = uniqueQty();
        String body = batch(List.of(restingBuy("1.00", qty), restingBuy("1.01", qty), restingBuy("-5", qty)));

        ApiClient.Response first = api.post(BATCH, body, "Idempotency-Key", key);
        ApiClient.Response again = api.post(BATCH, body, "Idempotency-Key", key);
        ApiClient.Response other = api.post(BATCH, batch(List.of(restingBuy("1.02", qty))), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        List<String> ids = new ArrayList<>();
        first.body().get("results").forEach(r -> {
            if (r.has("order")) {
                ids.add(r.get("order").get("id").asString());
            }
        });
        assertThat(ids).hasSize(2);
        assertThat(first.body().get("results").get(2).get("status").asInt()).isEqualTo(400);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("IDEMPOTENT_REPLAY");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE quantity = :q").param("q", qty)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusedBatchDoesNotUseUpItsKey() {
        String key = "batch-" + UUID.randomUUID();
        ApiClient.Response refused = api.post(BATCH, "{\"orders\":[]}", "Idempotency-Key", key);
        ApiClient.Response accepted = api.post(BATCH, batch(List.of(restingBuy("1.00", uniqueQty()))), "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("Idempotent-Replayed")).isNull();
        assertThat(accepted.body().get("results").get(0).get("status").asInt()).isEqualTo(201);
    }

    private void assertSameAsSinglePost(JsonNode item, String order, String code) {
        ApiClient.Response single = api.post("/api/v1/orders", order);
        assertThat(item.get("status").asInt()).isEqualTo(single.status());
        assertThat(item.has("order")).isFalse();
        JsonNode error = item.get("error");
        assertThat(error.get("code").asString()).isEqualTo(code).isEqualTo(single.text("code"));
        assertThat(error.get("message").asString()).isEqualTo(single.text("message"));
        assertThat(error.get("details")).isEqualTo(single.body().get("details"));
        assertThat(error.path("hint").asString("")).isEqualTo(single.body().path("hint").asString(""));
    }

    private long ordersWithClientOrderIdLike(String pattern) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE client_order_id LIKE :p").param("p", pattern)
                .query(Long.class).single();
    }
}
