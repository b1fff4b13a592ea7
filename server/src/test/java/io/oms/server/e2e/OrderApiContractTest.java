package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The REST contract: authentication, the error envelope, idempotent submission and tenant scoping. */
class OrderApiContractTest extends EndToEndTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    TenantRepository tenants;

    @Test
    void invalidOrderIsRefusedWithFieldDetailsAndChangesNothing() {
        long before = orderCount();
        ApiClient.Response refused = api.post("/api/v1/orders",
                "{\"account\":\"DU1234567\",\"symbol\":\"AAPL\",\"side\":\"HOLD\",\"type\":\"MKT\",\"qty\":\"-3\",\"limitPrice\":\"5\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.text("trace_id")).isNotBlank();
        assertThat(refused.body().get("details").findValuesAsString("field")).containsExactlyInAnyOrder("side", "qty", "limitPrice");
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void unknownAccountSymbolAndOffTickPriceAreFieldErrors() {
        assertThat(api.post("/api/v1/orders", order(uniqueId("v"), "AAPL", "BUY", "LMT", "1", "1.00").replace("DU1234567", "DU000"))
                .body().get("details").findValuesAsString("field")).containsExactly("account");
        assertThat(api.post("/api/v1/orders", order(uniqueId("v"), "NOPE", "BUY", "MKT", "1", null))
                .body().get("details").findValuesAsString("field")).containsExactly("symbol");
        assertThat(api.post("/api/v1/orders", order(uniqueId("v"), "AAPL", "BUY", "LMT", "1", "1.001"))
                .body().get("details").findValuesAsString("problem")).singleElement().asString().contains("tick size");
    }

    @Test
    void malformedJsonIsAValidationError() {
        ApiClient.Response refused = api.post("/api/v1/orders", "{not json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void callsWithoutAValidKeyAreUnauthenticated() {
        assertThat(api.withKey(null).get("/api/v1/orders").status()).isEqualTo(401);
        ApiClient.Response wrong = api.withKey("oms_e2etest1_notTheRightSecret000000000000000").get("/api/v1/orders");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void resubmittingTheSameClientOrderIdReturnsTheOriginalOrder() {
        String clientOrderId = uniqueId("idem");
        ApiClient.Response first = api.post("/api/v1/orders", order(clientOrderId, "QQQ", "BUY", "LMT", "3", "1.00"));
        ApiClient.Response again = api.post("/api/v1/orders", order(clientOrderId, "QQQ", "BUY", "LMT", "3", "1.00"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(simulator.executions()).noneMatch(x -> x.orderRef() != null && x.orderRef().endsWith(clientOrderId));
        assertThat(jdbc.sql("select count(*) from orders where client_order_id = ?").param(clientOrderId).query(Long.class).single())
                .isEqualTo(1L);
        api.post("/api/v1/orders/" + first.text("id") + "/cancel", "");
    }

    @Test
    void reusingAClientOrderIdForDifferentTermsIsAConflict() {
        String clientOrderId = uniqueId("dup");
        api.post("/api/v1/orders", order(clientOrderId, "QQQ", "BUY", "LMT", "3", "1.00"));
        ApiClient.Response conflict = api.post("/api/v1/orders", order(clientOrderId, "QQQ", "BUY", "LMT", "4", "1.00"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("code")).isEqualTo("DUPLICATE_CLIENT_ORDER_ID");
    }

    @Test
    void anotherTenantsOrderIsNotFound() {
        ApiClient.Response mine = api.post("/api/v1/orders", order(uniqueId("iso"), "AMZN", "BUY", "LMT", "1", "1.00"));
        tenants.ensure("other", "Other tenant");
        String otherKey = apiKeys.create("other", "e2e", List.of("*"));
        ApiClient other = api.withKey(otherKey);
        assertThat(other.get("/api/v1/orders/" + mine.text("id")).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/orders/" + mine.text("id") + "/cancel", "").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/orders/" + mine.text("id") + "/executions").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/orders").body().get("items")).isEmpty();
        assertThat(other.post("/api/v1/orders", order(uniqueId("iso"), "AMZN", "BUY", "MKT", "1", null)).status()).isEqualTo(400);
        api.post("/api/v1/orders/" + mine.text("id") + "/cancel", "");
    }

    @Test
    void ordersListFiltersByStateAndPagesWithACursor() {
        for (int i = 0; i < 3; i++) {
            String id = api.post("/api/v1/orders", order(uniqueId("page"), "META", "BUY", "LMT", "1", "1.00")).text("id");
            api.post("/api/v1/orders/" + id + "/cancel", "");
        }
        ApiClient.Response page1 = api.get("/api/v1/orders?state=CANCELED&limit=2");
        assertThat(page1.body().get("items")).hasSize(2);
        assertThat(page1.body().get("items").findValuesAsString("state")).containsOnly("CANCELED");
        String next = page1.text("next");
        assertThat(next).isNotBlank();
        ApiClient.Response page2 = api.get("/api/v1/orders?state=CANCELED&limit=2&cursor=" + next);
        assertThat(page2.body().get("items").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(page1.body().get("items").findValuesAsString("id"));
        assertThat(api.get("/api/v1/orders?state=BOGUS").status()).isEqualTo(400);
    }

    @Test
    void unknownOrderIsNotFoundWithTheEnvelope() {
        ApiClient.Response missing = api.get("/api/v1/orders/00000000-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void healthCoversDatabaseTemporalAndBroker() {
        ApiClient.Response health = api.get("/actuator/health/readiness");
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().get("components").propertyNames()).contains("db", "temporal", "broker");
    }

    private long orderCount() {
        return jdbc.sql("select count(*) from orders where tenant_id = 'demo'").query(Long.class).single();
    }
}
