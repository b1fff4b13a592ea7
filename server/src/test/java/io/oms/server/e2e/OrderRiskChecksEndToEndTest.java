package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The risk engine in the order path, through the REST API, Temporal and the simulator: denials answer with their
 * code and reasons and leave a DENIED order that never reached the broker; order rates answer 429 with
 * Retry-After; a modify is checked on its new terms; a partial fill that breaches cancels the rest.
 */
class OrderRiskChecksEndToEndTest extends EndToEndTest {
    private static final String LIMITS = "/api/v1/risk/limits";

    private static String limit(String scope, String scopeValue, String type, String value, Integer period) {
        return "{\"scope\":\"" + scope + "\"" + (scopeValue == null ? "" : ",\"scopeValue\":\"" + scopeValue + "\"")
                + ",\"type\":\"" + type + "\",\"value\":\"" + value + "\""
                + (period == null ? "" : ",\"periodSeconds\":" + period) + "}";
    }

    private static String ownOrder(OwnTenant own, String clientOrderId, String qty, String limitPrice) {
        return order(clientOrderId, "AAPL", "BUY", "LMT", qty, limitPrice).replace(ACCOUNT, own.account());
    }

    private List<String> eventTypes(String orderId) {
        return context().getBean(JdbcClient.class)
                .sql("SELECT event_type FROM outbox_events WHERE aggregate_id = :id ORDER BY id")
                .param("id", orderId).query(String.class).list();
    }

    @Test
    void anOrderAboveALimitIsDeniedWithItsNumbersAndNeverReachesTheBroker() {
        OwnTenant own = ownTenant("rk", "Risk denial");
        assertThat(own.api().post(LIMITS, limit("ACCOUNT", own.account(), "MAX_ORDER_QTY", "100", null)).status()).isEqualTo(201);
        assertThat(own.api().post(LIMITS, limit("TENANT", null, "MAX_NOTIONAL", "5000", null)).status()).isEqualTo(201);
        String clientOrderId = uniqueId("deny");

        ApiClient.Response denied = own.api().post("/api/v1/orders", ownOrder(own, clientOrderId, "150", "50.00"));
        assertThat(denied.status()).isEqualTo(422);
        assertThat(denied.text("code")).isEqualTo("RISK_LIMIT_BREACH");
        assertThat(denied.body().get("details").findValuesAsString("field")).containsExactly("MAX_ORDER_QTY", "MAX_NOTIONAL");
        assertThat(denied.text("message")).contains("MAX_ORDER_QTY, MAX_NOTIONAL");

        JsonNode order = own.api().get("/api/v1/orders?state=DENIED").body().get("items").get(0);
        assertThat(order.get("state").asString()).isEqualTo("DENIED");
        JsonNode qty = order.get("riskDenials").get(0);
        assertThat(qty.get("reason").asString()).isEqualTo("MAX_ORDER_QTY");
        assertThat(qty.get("kind").asString()).isEqualTo("RISK");
        assertThat(qty.get("limit").asString()).isEqualTo("100");
        assertThat(qty.get("actual").asString()).isEqualTo("150");
        assertThat(order.get("riskDenials").get(1).get("actual").asString()).isEqualTo("7500");
        assertThat(order.get("brokerOrderId").isNull()).isTrue();
        assertThat(simulator.orders()).noneMatch(o -> o.account().equals(own.account()));
        String id = order.get("id").asString();
        assertThat(eventTypes(id)).containsExactly("order.created", "order.denied", "risk.breached");

        // The same clientOrderId again answers the same denial and creates nothing.
        ApiClient.Response replay = own.api().post("/api/v1/orders", ownOrder(own, clientOrderId, "150", "50.00"));
        assertThat(replay.status()).isEqualTo(422);
        assertThat(replay.text("code")).isEqualTo("RISK_LIMIT_BREACH");
        assertThat(eventTypes(id)).hasSize(3);
        // Within the limits the order goes (it is then rejected by the simulator, which does not know the account).
        assertThat(own.api().post("/api/v1/orders", ownOrder(own, uniqueId("ok"), "100", "50.00")).status()).isEqualTo(201);
    }

    @Test
    void aComplianceDenialAnswersComplianceBlocked() {
        OwnTenant own = ownTenant("rc", "Compliance denial");
        assertThat(own.api().put("/api/v1/risk/restricted-symbols/AAPL", "{\"reason\":\"insider list\"}").status()).isEqualTo(201);
        ApiClient.Response denied = own.api().post("/api/v1/orders", ownOrder(own, uniqueId("rs"), "1", "50.00"));
        assertThat(denied.status()).isEqualTo(422);
        assertThat(denied.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
        assertThat(denied.body().get("details").get(0).get("problem").asString()).contains("insider list");
    }

    @Test
    void anOrderRateBreachAnswers429WithRetryAfterAndCountsIt() {
        OwnTenant own = ownTenant("rr", "Order rate");
        assertThat(own.api().post(LIMITS, limit("ACCOUNT", own.account(), "ORDER_RATE", "2", 600)).status()).isEqualTo(201);
        double before = deniedByRate();
        assertThat(own.api().post("/api/v1/orders", ownOrder(own, uniqueId("r1"), "1", "50.00")).status()).isEqualTo(201);
        assertThat(own.api().post("/api/v1/orders", ownOrder(own, uniqueId("r2"), "1", "50.00")).status()).isEqualTo(201);

        ApiClient.Response third = own.api().post("/api/v1/orders", ownOrder(own, uniqueId("r3"), "1", "50.00"));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.text("code")).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(third.header("Retry-After"));
        assertThat(retryAfter).isBetween(590L, 600L); // the first order leaves the 600 s period first
        assertThat(third.body().get("details").get(0).get("field").asString()).isEqualTo("ORDER_RATE");
        assertThat(deniedByRate()).isEqualTo(before + 1);
    }

    @Test
    void aStrategysOrderRateCountsItsOrdersInEveryAccountAndNoOthers() {
        OwnTenant own = ownTenant("rst", "Strategy rate");
        String second = "DU" + (1_000_000 + new java.util.Random().nextInt(8_000_000));
        own.addAccount(context(), second);
        assertThat(own.api().post(LIMITS, limit("STRATEGY", "pairs-1", "ORDER_RATE", "1", 600)).status()).isEqualTo(201);
        String first = ownOrder(own, uniqueId("st1"), "1", "50.00");
        String strategyOrder = first.substring(0, first.length() - 1) + ",\"strategy\":\"pairs-1\"}";
        assertThat(own.api().post("/api/v1/orders", strategyOrder).status()).isEqualTo(201);

        String inSecond = ownOrder(own, uniqueId("st2"), "1", "50.00").replace(own.account(), second);
        ApiClient.Response refused = own.api().post("/api/v1/orders",
                inSecond.substring(0, inSecond.length() - 1) + ",\"strategy\":\"pairs-1\"}");
        assertThat(refused.status()).as("the strategy's second order, in another account").isEqualTo(429);
        assertThat(refused.body().get("details").get(0).get("problem").asString()).contains("strategy pairs-1");
        assertThat(own.api().post("/api/v1/orders", ownOrder(own, uniqueId("st3"), "1", "50.00")).status())
                .as("an order of no strategy").isEqualTo(201);
        JsonNode usage = own.api().get("/api/v1/risk/status?account=" + own.account()).body().get("limits").get(0);
        assertThat(usage.get("usage").asString()).isEqualTo("1");
    }

    private double deniedByRate() {
        ApiClient.Response metric = api.get("/actuator/metrics/oms.risk.denials?tag=reason:ORDER_RATE");
        return metric.status() == 404 ? 0 : metric.body().get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void aModifyIsCheckedOnItsNewTermsAndTheOrderWorksOnWhenDenied() {
        String limitId = api.post(LIMITS, limit("INSTRUMENT", "IBM", "MAX_ORDER_QTY", "50", null)).text("id");
        try {
            String id = api.post("/api/v1/orders", order(uniqueId("mod"), "IBM", "BUY", "LMT", "10", "1.00")).text("id");
            ApiClient.Response routed = awaitState(id, "ROUTED");
            ApiClient.Response denied = api.patch("/api/v1/orders/" + id, "{\"qty\":\"60\"}", routed.header("ETag"));
            assertThat(denied.status()).isEqualTo(422);
            assertThat(denied.text("code")).isEqualTo("RISK_LIMIT_BREACH");
            assertThat(denied.body().get("details").findValuesAsString("field")).containsExactly("MAX_ORDER_QTY");
            ApiClient.Response after = api.get("/api/v1/orders/" + id);
            assertThat(after.text("state")).isEqualTo("ROUTED");
            assertThat(after.text("qty")).isEqualTo("10");
            assertThat(api.patch("/api/v1/orders/" + id, "{\"qty\":\"40\"}", after.header("ETag")).status()).isEqualTo(200);
            api.post("/api/v1/orders/" + id + "/cancel", "");
        } finally {
            api.delete(LIMITS + "/" + limitId);
        }
    }

    @Test
    void aPartialFillInASymbolRestrictedMeanwhileCancelsTheRest() {
        String symbol = "NVDA";
        simulator.setHalted(symbol, true);
        try {
            BigDecimal limit = simulator.lastPrice(symbol).multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP);
            String id = api.post("/api/v1/orders", order(uniqueId("inf"), symbol, "BUY", "LMT", "500", limit.toPlainString())).text("id");
            awaitState(id, "ROUTED");
            assertThat(api.put("/api/v1/risk/restricted-symbols/" + symbol, "{\"reason\":\"added to the watch list\"}").status())
                    .isEqualTo(201);
            // One slice trades while the halt is lifted for a moment; the in-flight check then cancels the rest.
            simulator.setHalted(symbol, false);
            simulator.setHalted(symbol, true);
            ApiClient.Response done = api.await("/api/v1/orders/" + id, r -> "CANCELED".equals(r.text("state")), Duration.ofSeconds(30));
            assertThat(new BigDecimal(done.text("filledQty"))).isPositive().isLessThan(new BigDecimal("500"));
            assertThat(done.body().get("riskDenials").get(0).get("reason").asString()).isEqualTo("RESTRICTED_SYMBOL");
            assertThat(eventTypes(id)).contains("risk.breached", "order.canceled");
        } finally {
            api.delete("/api/v1/risk/restricted-symbols/" + symbol);
            simulator.setHalted(symbol, false);
        }
    }
}
