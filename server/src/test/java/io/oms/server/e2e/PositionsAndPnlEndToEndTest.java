package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.IbConnector;
import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.SimExecution;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.seed.DevSeeder;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import java.util.UUID;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Positions and P&L through the whole system while the simulator corrects an execution, delivers the first
 * commission late, the session drops (its re-sync replays the day's executions) and both revisions are delivered
 * to the ledger again: one effective execution per exec base, the position folded from the corrected price,
 * commissions of the effective executions only.
 */
class PositionsAndPnlEndToEndTest extends EndToEndTest {
    private static final String SYMBOL = "TSLA";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private IbConnector connector;
    @Autowired
    private ApiKeys apiKeys;
    @Autowired
    private LedgerActivities ledger;
    @Autowired
    private TenantRepository tenants;

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void correctedAndReplayedExecutionsLeaveOneEffectiveExecutionAndTheMatchingPositionAndPnl() {
        flatten();
        JsonNode pnlBefore = accountPnl();
        JsonNode positionBefore = position();
        simulator.setPrice(SYMBOL, new BigDecimal("250.00"));
        simulator.faults().correctExecutions(FaultRule.nextN(1), new BigDecimal("0.50"));
        simulator.faults().delayCommissionReports(FaultRule.nextN(1), Duration.ofMillis(500));

        String buyId = api.post("/api/v1/orders", order(uniqueId("pnl-buy"), SYMBOL, "BUY", "MKT", "100", null)).text("id");
        awaitState(buyId, "FILLED");
        SimExecution corrected = awaitSimExecution(buyId, ".02");
        JsonNode buy = awaitSingleExecutionWithCommission(buyId);
        assertThat(buy.get("execId").asString()).isEqualTo(corrected.execId());
        assertThat(new BigDecimal(buy.get("price").asString())).isEqualByComparingTo(corrected.price());
        assertThat(new BigDecimal(buy.get("commission").asString())).isEqualByComparingTo(corrected.commission());

        // A dropped session re-syncs: the day's executions are delivered again; nothing may count twice.
        long connects = connector.metrics().connectCount();
        java.time.Instant dropped = java.time.Instant.now();
        simulator.faults().dropConnections();
        api.await("/api/v1/orders/" + buyId + "/executions",
                r -> connector.metrics().connectCount() > connects && connector.isReady(), WAIT);
        assertThat(executions(buyId)).extracting(e -> e.get("execId").asString()).containsExactly(corrected.execId());

        // Both revisions delivered again straight to the ledger, as another worker's connector would after a
        // restart (the connector's own de-duplication lasts one connector instance): nothing changes.
        JsonNode beforeReplay = position();
        for (SimExecution x : simulator.executions()) {
            if (x.permId() == corrected.permId()) {
                assertThat(ledger.recordExecution(replayOf(buyId, x))).isFalse();
            }
        }
        assertThat(executions(buyId)).extracting(e -> e.get("execId").asString()).containsExactly(corrected.execId());
        assertThat(position().get("qty").asString()).isEqualTo(beforeReplay.get("qty").asString());
        assertThat(position().get("avgCost").asString()).isEqualTo(beforeReplay.get("avgCost").asString());

        JsonNode open = api.await("/api/v1/positions?account=" + ACCOUNT,
                r -> positionIn(r.body()) != null && !positionIn(r.body()).path("lastPriceAt").isNull(), WAIT).body();
        JsonNode p = positionIn(open);
        BigDecimal qty = decimal(p, "qty");
        BigDecimal last = decimal(p, "lastPrice");
        assertThat(qty.subtract(decimal(positionBefore, "qty"))).isEqualByComparingTo("100");
        assertThat(decimal(p, "avgCost")).isEqualByComparingTo(corrected.price());
        assertThat(decimal(p, "unrealizedPnl")).isEqualByComparingTo(last.subtract(decimal(p, "avgCost")).multiply(qty));
        assertThat(decimal(p, "marketValue")).isEqualByComparingTo(last.multiply(qty));
        assertThat(decimal(p, "commissions").subtract(decimal(positionBefore, "commissions")))
                .isEqualByComparingTo(corrected.commission());

        AccountSync.awaitResynced(api, ACCOUNT, dropped); // orders wait for the reconciliation after the reconnect
        String sellId = api.post("/api/v1/orders", order(uniqueId("pnl-sell"), SYMBOL, "SELL", "MKT", "100", null)).text("id");
        awaitState(sellId, "FILLED");
        JsonNode sell = awaitSingleExecutionWithCommission(sellId);
        BigDecimal realized = new BigDecimal(sell.get("price").asString()).subtract(corrected.price()).multiply(new BigDecimal("100"));
        BigDecimal commissions = corrected.commission().add(new BigDecimal(sell.get("commission").asString()));

        JsonNode closed = position();
        assertThat(decimal(closed, "qty")).isEqualByComparingTo(decimal(positionBefore, "qty"));
        assertThat(decimal(closed, "realizedPnl").subtract(decimal(positionBefore, "realizedPnl")))
                .as("position before %s, after %s, sell %s", positionBefore, closed, sell).isEqualByComparingTo(realized);
        assertThat(decimal(closed, "unrealizedPnl")).isEqualByComparingTo("0");

        JsonNode pnlAfter = accountPnl();
        assertThat(decimal(pnlAfter, "realizedPnl").subtract(decimal(pnlBefore, "realizedPnl"))).isEqualByComparingTo(realized);
        assertThat(decimal(pnlAfter, "commissions").subtract(decimal(pnlBefore, "commissions"))).isEqualByComparingTo(commissions);
        assertThat(decimal(pnlAfter, "totalPnl")).isEqualByComparingTo(decimal(pnlAfter, "realizedPnl")
                .add(decimal(pnlAfter, "unrealizedPnl")).subtract(decimal(pnlAfter, "commissions")));
    }

    @Test
    void historyRefusesAnInvertedRangeAndListsNothingBeforeTheFirstClose() {
        ApiClient.Response refused = api.get("/api/v1/pnl/history?from=2025-03-05&to=2025-03-04");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/v1/pnl/history?from=2025-03-04&to=not-a-date").status()).isEqualTo(400);

        ApiClient.Response empty = api.get("/api/v1/pnl/history?account=" + ACCOUNT + "&from=2000-01-03&to=2000-01-04");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("items").size()).isZero();
    }

    @Test
    void anotherTenantSeesNoneOfOurPositionsOrPnl() {
        String buyId = api.post("/api/v1/orders", order(uniqueId("pnl-iso"), "GOOGL", "BUY", "MKT", "1", null)).text("id");
        awaitState(buyId, "FILLED");
        String tenant = "pnl" + java.util.UUID.randomUUID().toString().substring(0, 8);
        tenants.ensure(tenant, "P&L isolation tenant");
        ApiClient other = api.withKey(apiKeys.create(tenant, "e2e-pnl", List.of("*")));

        assertThat(other.get("/api/v1/positions").body().size()).isZero();
        assertThat(other.get("/api/v1/positions?account=" + ACCOUNT).body().size()).isZero();
        assertThat(other.get("/api/v1/pnl/today?account=" + ACCOUNT).body().get("accounts").size()).isZero();
        assertThat(api.get("/api/v1/positions?account=" + ACCOUNT).body().size()).isPositive();
    }

    /** Other tests trade the same symbol: start from a flat position so the average cost is this test's fill. */
    private void flatten() {
        BigDecimal qty = decimal(position(), "qty");
        if (qty.signum() != 0) {
            String side = qty.signum() > 0 ? "SELL" : "BUY";
            String id = api.post("/api/v1/orders", order(uniqueId("pnl-flat"), SYMBOL, side, "MKT",
                    qty.abs().toPlainString(), null)).text("id");
            awaitState(id, "FILLED");
            api.await("/api/v1/positions?account=" + ACCOUNT, r -> decimal(position(), "qty").signum() == 0, WAIT);
        }
    }

    private static ExecutionRecord replayOf(String orderId, SimExecution x) {
        return new ExecutionRecord(new TenantId(DevSeeder.TENANT), new OrderId(UUID.fromString(orderId)), x.account(),
                x.symbol(), "BOT".equals(x.side()) ? Side.BUY : Side.SELL, x.execId(), x.shares(), x.price(), "SIM",
                x.orderId(), x.permId(), x.timestamp());
    }

    private SimExecution awaitSimExecution(String orderId, String suffix) {
        String clientOrderId = api.get("/api/v1/orders/" + orderId).text("clientOrderId");
        api.await("/api/v1/orders/" + orderId, r -> simulator.executions().stream()
                .anyMatch(x -> isOurs(x.orderRef(), clientOrderId) && x.execId().endsWith(suffix)), WAIT);
        return simulator.executions().stream()
                .filter(x -> isOurs(x.orderRef(), clientOrderId) && x.execId().endsWith(suffix))
                .findFirst().orElseThrow();
    }

    /** The order's effective execution once it is the only one and its commission has joined it. */
    private JsonNode awaitSingleExecutionWithCommission(String orderId) {
        ApiClient.Response r = api.await("/api/v1/orders/" + orderId + "/executions", x -> x.body().size() == 1
                && !x.body().get(0).path("commission").isNull() && x.body().get(0).path("execId").asString() != null
                && lastRevision(orderId, x.body().get(0).path("execId").asString()), WAIT);
        return r.body().get(0);
    }

    /** True when the simulator made no later revision of this execution than the one listed. */
    private boolean lastRevision(String orderId, String execId) {
        String base = execId.substring(0, execId.lastIndexOf('.'));
        return simulator.executions().stream().filter(x -> x.execId().startsWith(base + "."))
                .map(SimExecution::execId).max(String::compareTo).map(execId::equals).orElse(false);
    }

    private List<JsonNode> executions(String orderId) {
        return StreamSupport.stream(api.get("/api/v1/orders/" + orderId + "/executions").body().spliterator(), false).toList();
    }

    private JsonNode position() {
        JsonNode p = positionIn(api.get("/api/v1/positions?account=" + ACCOUNT).body());
        return p != null ? p : tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"qty\":\"0\",\"realizedPnl\":\"0\",\"commissions\":\"0\",\"unrealizedPnl\":\"0\"}");
    }

    private static JsonNode positionIn(JsonNode list) {
        for (JsonNode p : list) {
            if (SYMBOL.equals(p.path("symbol").asString())) {
                return p;
            }
        }
        return null;
    }

    private JsonNode accountPnl() {
        ApiClient.Response today = api.get("/api/v1/pnl/today?account=" + ACCOUNT);
        assertThat(today.status()).isEqualTo(200);
        for (JsonNode a : today.body().get("accounts")) {
            if (ACCOUNT.equals(a.path("account").asString())) {
                return a;
            }
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"realizedPnl\":\"0\",\"commissions\":\"0\",\"unrealizedPnl\":\"0\",\"totalPnl\":\"0\"}");
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }
}
