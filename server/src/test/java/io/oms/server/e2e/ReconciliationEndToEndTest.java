package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.RestartMode;
import io.oms.ib.sim.SimExecution;
import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.temporal.client.WorkflowClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation through the simulator's faults: what IB did while the OMS could not hear it reaches the OMS once,
 * orders placed elsewhere appear, and the position book agrees with IB's or says why not.
 */
class ReconciliationEndToEndTest extends EndToEndTest {
    private Reconciliations reconciliations;
    private JdbcClient jdbc;

    @BeforeEach
    void synced() {
        reconciliations = Reconciliations.of(context());
        jdbc = context().getBean(JdbcClient.class);
        reconciliations.awaitSynced(ACCOUNT);
    }

    @Test
    void theAccountIsReconciledOnConnectBeforeItTakesOrders() {
        Reconciliations.Run first = reconciliations.awaitRun(ACCOUNT, "CONNECT", Instant.EPOCH);
        assertThat(first.scope()).isEqualTo("FULL");
        assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("SUCCEEDED");
        assertThat(reconciliations.syncState(ACCOUNT)).isEqualTo("SYNCED");
    }

    @Test
    void fillsMadeWhileTheSessionIsDownAreAppliedOnceAfterReconnect() {
        String symbol = "NVDA";
        BigDecimal limit = simulator.lastPrice(symbol).multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.DOWN);
        String cid = uniqueId("down");
        ApiClient.Response placed = api.post("/api/v1/orders", order(cid, symbol, "BUY", "LMT", "300", limit.toPlainString()));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String id = placed.text("id");
        awaitState(id, "ROUTED");

        simulator.faults().refuseConnections();
        simulator.faults().dropConnections();
        try {
            awaitSyncState("RECONCILING");
            simulator.setPrice(symbol, limit.subtract(new BigDecimal("1.00")));
            awaitSimulatorFilled(cid, new BigDecimal("300"));
            assertThat(api.get("/api/v1/orders/" + id).text("state")).as("nothing reached the OMS while away").isEqualTo("ROUTED");
        } finally {
            simulator.faults().acceptConnections();
        }
        Instant reconnected = Instant.now();
        Reconciliations.Run run = reconciliations.awaitRun(ACCOUNT, "CONNECT", reconnected);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        reconciliations.awaitSynced(ACCOUNT);
        awaitState(id, "FILLED");

        Set<String> simExecIds = simExecutions(cid).stream().map(SimExecution::execId).collect(Collectors.toSet());
        List<String> omsExecIds = executionIds(id);
        assertThat(omsExecIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(simExecIds);
        assertThat(reconciliations.findings(run.id())).noneMatch(f -> symbol.equals(f.symbol())
                && ("POSITION_DRIFT".equals(f.kind()) || "BOOK_DRIFT".equals(f.kind())));
        assertThat(bookPosition(symbol)).isEqualByComparingTo(simulatorPosition(symbol));
    }

    /**
     * A fill the live stream never delivered: another client's order under the OMS order's orderRef, whose executions
     * IB does not push to this session. The reconciliation's own request for the day's executions brings them, and
     * they are applied through the order's workflow exactly once (by the run's repair, or by the session's listener
     * that the same answer reaches first: either way one execution per exec id).
     */
    @Test
    void aFillTheLiveStreamNeverDeliveredIsAppliedThroughTheOrdersWorkflowOnce() {
        String symbol = "AMZN";
        BigDecimal low = simulator.lastPrice(symbol).multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
        String cid = uniqueId("miss");
        String id = api.post("/api/v1/orders", order(cid, symbol, "BUY", "LMT", "10", low.toPlainString())).text("id");
        awaitState(id, "ROUTED");
        long permId = simulator.placeManualOrder(PlaceOrder.builder(0, symbol).buy(new BigDecimal("4")).market()
                .account(ACCOUNT).orderRef("order/demo/" + cid).build());
        awaitSimulatorOrder(permId, "Filled");
        List<String> unseen = simulator.executions().stream().filter(x -> x.permId() == permId).map(SimExecution::execId).toList();
        assertThat(executionIds(id)).as("the live stream did not deliver them").doesNotContainAnyElementsOf(unseen);

        Reconciliations.Run run = reconciliations.fullRun(ACCOUNT);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        ApiClient.Response partly = api.await("/api/v1/orders/" + id, r -> "4".equals(r.text("filledQty")), Duration.ofSeconds(10));
        assertThat(partly.text("state")).isEqualTo("PARTIALLY_FILLED");
        assertThat(executionIds(id)).containsAll(unseen).doesNotHaveDuplicates().hasSize(unseen.size());
        assertThat(reconciliations.findings(run.id())).noneMatch(f -> "EXTERNAL_ORDER".equals(f.kind())
                && Long.valueOf(permId).equals(f.permId()));

        Reconciliations.Run again = reconciliations.fullRun(ACCOUNT);
        assertThat(reconciliations.findings(again.id())).noneMatch(f -> id.equals(String.valueOf(f.orderId())));
        assertThat(executionIds(id)).hasSize(unseen.size());
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", "").status()).isEqualTo(200);
        awaitState(id, "CANCELED");
    }

    @Test
    void anOrderPlacedAtTheGatewayByAnotherClientAppearsAsAnExternalOrder() {
        long permId = simulator.placeManualOrder(PlaceOrder.builder(0, "META").buy(new BigDecimal("7")).market()
                .account(ACCOUNT).build());
        awaitSimulatorOrder(permId, "Filled");

        Reconciliations.Run run = reconciliations.fullRun(ACCOUNT);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        assertThat(reconciliations.findings(run.id())).anyMatch(f -> "EXTERNAL_ORDER".equals(f.kind())
                && "IMPORTED".equals(f.action()) && Long.valueOf(permId).equals(f.permId()));

        String id = jdbc.sql("SELECT id::text FROM orders WHERE account = :a AND perm_id = :p AND origin = 'EXTERNAL'")
                .param("a", ACCOUNT).param("p", permId).query(String.class).single();
        ApiClient.Response external = api.get("/api/v1/orders/" + id);
        assertThat(external.text("origin")).isEqualTo("EXTERNAL");
        assertThat(external.text("clientOrderId")).isEqualTo("ext-" + permId);
        assertThat(external.text("state")).isEqualTo("FILLED");
        assertThat(external.text("filledQty")).isEqualTo("7");
        assertThat(executionIds(id)).containsExactlyInAnyOrderElementsOf(simulator.executions().stream()
                .filter(x -> x.permId() == permId).map(SimExecution::execId).toList());

        ApiClient.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("message")).contains("placed outside the OMS");

        Reconciliations.Run again = reconciliations.fullRun(ACCOUNT);
        assertThat(reconciliations.findings(again.id())).noneMatch(f -> Long.valueOf(permId).equals(f.permId()));
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE account = :a AND perm_id = :p")
                .param("a", ACCOUNT).param("p", permId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aFillOfAnOrderWhoseWorkflowIsGoneIsBookedOnceAndTheOrderTakesIbsFinalState() {
        String symbol = "TSLA";
        BigDecimal limit = simulator.lastPrice(symbol).multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.DOWN);
        String cid = uniqueId("lost");
        String id = api.post("/api/v1/orders", order(cid, symbol, "BUY", "LMT", "5", limit.toPlainString())).text("id");
        awaitState(id, "ROUTED");
        context().getBean(WorkflowClient.class).newUntypedWorkflowStub("order/demo/" + cid)
                .terminate("test: the order's workflow is lost");
        simulator.setPrice(symbol, limit.subtract(new BigDecimal("1.00")));
        awaitSimulatorFilled(cid, new BigDecimal("5"));

        Reconciliations.Run run = reconciliations.fullRun(ACCOUNT);
        Set<String> simExecIds = simExecutions(cid).stream().map(SimExecution::execId).collect(Collectors.toSet());
        List<Reconciliations.Found> found = reconciliations.findings(run.id());
        assertThat(found.stream().filter(f -> "FILL_ON_CLOSED_ORDER".equals(f.kind())).map(Reconciliations.Found::execId))
                .containsExactlyInAnyOrderElementsOf(simExecIds);
        assertThat(found).anyMatch(f -> "ORDER_STATE_DRIFT".equals(f.kind()) && "APPLIED".equals(f.action())
                && id.equals(String.valueOf(f.orderId())));
        assertThat(executionIds(id)).containsExactlyInAnyOrderElementsOf(simExecIds);
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("FILLED");
        assertThat(bookPosition(symbol)).isEqualByComparingTo(simulatorPosition(symbol));

        Reconciliations.Run again = reconciliations.fullRun(ACCOUNT);
        assertThat(reconciliations.findings(again.id())).noneMatch(f -> id.equals(String.valueOf(f.orderId())));
    }

    @Test
    void duplicateReorderedAndCorrectedExecutionsLeaveOneExecutionPerExecId() {
        simulator.faults().duplicateOrderStatus(FaultRule.always());
        simulator.faults().reorderOrderStatus(FaultRule.always());
        simulator.faults().correctExecutions(FaultRule.nextN(2), new BigDecimal("0.01"));
        String cid = uniqueId("dup");
        String id;
        try {
            ApiClient.Response placed = api.post("/api/v1/orders", order(cid, "GOOGL", "BUY", "MKT", "300", null));
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
            id = placed.text("id");
            awaitState(id, "FILLED");
        } finally {
            simulator.faults().clear();
        }
        // A reconnect replays the day's executions, corrections included, on top of what was delivered live.
        Instant dropped = Instant.now();
        simulator.faults().dropConnections();
        Reconciliations.Run run = reconciliations.awaitRun(ACCOUNT, "CONNECT", dropped);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        reconciliations.awaitSynced(ACCOUNT);

        List<String> all = jdbc.sql("SELECT exec_id FROM executions WHERE order_id = CAST(:o AS uuid)").param("o", id)
                .query(String.class).list();
        assertThat(all).doesNotHaveDuplicates();
        List<String> effective = jdbc.sql("SELECT exec_id FROM executions WHERE order_id = CAST(:o AS uuid) AND superseded_by IS NULL")
                .param("o", id).query(String.class).list();
        List<String> latestAtIb = latestVersions(simExecutions(cid));
        assertThat(effective).containsExactlyInAnyOrderElementsOf(latestAtIb);
        assertThat(jdbc.sql("SELECT sum(quantity) FROM executions WHERE order_id = CAST(:o AS uuid) AND superseded_by IS NULL")
                .param("o", id).query(BigDecimal.class).single()).isEqualByComparingTo("300");
    }

    @Test
    void aGatewayRestartThatResetsOrderIdsReusesNoIdAndLosesNoOrder() {
        BigDecimal low = simulator.lastPrice("IBM").multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
        String restingCid = uniqueId("rest");
        String resting = api.post("/api/v1/orders", order(restingCid, "IBM", "BUY", "LMT", "2", low.toPlainString())).text("id");
        int restingBrokerId = Integer.parseInt(awaitState(resting, "ROUTED").text("brokerOrderId"));

        Instant restarted = Instant.now();
        simulator.faults().restartGateway(RestartMode.KEEP_ORDERS, Duration.ZERO);
        Reconciliations.Run run = reconciliations.awaitRun(ACCOUNT, "CONNECT", restarted);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("SUCCEEDED");
        reconciliations.awaitSynced(ACCOUNT);
        assertThat(reconciliations.findings(run.id())).noneMatch(f -> "ORDER_UNKNOWN_AT_BROKER".equals(f.kind()));

        String afterCid = uniqueId("post");
        ApiClient.Response after = api.post("/api/v1/orders", order(afterCid, "IBM", "BUY", "MKT", "1", null));
        assertThat(after.status()).as(after.body().toString()).isEqualTo(201);
        ApiClient.Response filled = awaitState(after.text("id"), "FILLED");
        assertThat(Integer.parseInt(filled.text("brokerOrderId"))).isGreaterThan(restingBrokerId);

        assertThat(api.get("/api/v1/orders/" + resting).text("state")).isEqualTo("ROUTED");
        List<SimOrderView> ours = simulator.orders().stream()
                .filter(o -> isOurs(o.orderRef(), restingCid) || isOurs(o.orderRef(), afterCid)).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.stream().map(SimOrderView::orderId).distinct()).hasSize(2);
        assertThat(api.post("/api/v1/orders/" + resting + "/cancel", "").status()).isEqualTo(200);
        awaitState(resting, "CANCELED");
    }

    @Test
    void positionDriftIsKeptAsAnOpenDiscrepancyAndNeverOverwritten() {
        String symbol = "QQQ";
        String cid = uniqueId("drift");
        awaitState(api.post("/api/v1/orders", order(cid, symbol, "BUY", "MKT", "10", null)).text("id"), "FILLED");
        BigDecimal booked = awaitBookPosition(symbol, simulatorPosition(symbol));
        jdbc.sql("UPDATE positions SET quantity = quantity + 5 WHERE account = :a AND symbol = :s")
                .param("a", ACCOUNT).param("s", symbol).update();
        try {
            Reconciliations.Run run = reconciliations.fullRun(ACCOUNT);
            assertThat(run.discrepancies()).isGreaterThanOrEqualTo(1);
            assertThat(reconciliations.findings(run.id())).anyMatch(f -> "POSITION_DRIFT".equals(f.kind())
                    && symbol.equals(f.symbol()));
            assertThat(reconciliations.discrepancy(ACCOUNT, symbol).get("status")).isEqualTo("OPEN");
            assertThat(bookPosition(symbol)).as("the book is not overwritten").isEqualByComparingTo(booked.add(BigDecimal.valueOf(5)));
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_type = 'reconciliation.discrepancy' "
                    + "AND payload -> 'discrepancy' ->> 'symbol' = :s").param("s", symbol).query(Long.class).single()).isPositive();
        } finally {
            jdbc.sql("UPDATE positions SET quantity = quantity - 5 WHERE account = :a AND symbol = :s")
                    .param("a", ACCOUNT).param("s", symbol).update();
        }
        reconciliations.fullRun(ACCOUNT);
        assertThat(reconciliations.discrepancy(ACCOUNT, symbol).get("status")).isEqualTo("RESOLVED");
    }

    private void awaitSyncState(String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!state.equals(reconciliations.syncState(ACCOUNT)) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(reconciliations.syncState(ACCOUNT)).isEqualTo(state);
    }

    private void awaitSimulatorFilled(String cid, BigDecimal qty) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simExecutions(cid).stream().map(SimExecution::shares).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(qty) < 0) {
            assertThat(System.nanoTime()).as("simulator fills of " + cid).isLessThan(deadline);
            simulator.stepMarket(1);
            sleep(50);
        }
    }

    private void awaitSimulatorOrder(long permId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator.orders().stream().noneMatch(o -> o.permId() == permId && status.equals(o.status()))) {
            assertThat(System.nanoTime()).as("simulator order " + permId + " " + status).isLessThan(deadline);
            sleep(50);
        }
    }

    private List<SimExecution> simExecutions(String cid) {
        return simulator.executions().stream().filter(x -> isOurs(x.orderRef(), cid)).toList();
    }

    private static List<String> latestVersions(List<SimExecution> executions) {
        return executions.stream().collect(Collectors.toMap(x -> x.execId().substring(0, x.execId().lastIndexOf('.')),
                        SimExecution::execId, (a, b) -> a.compareTo(b) >= 0 ? a : b))
                .values().stream().toList();
    }

    private List<String> executionIds(String orderId) {
        return jdbc.sql("SELECT exec_id FROM executions WHERE order_id = CAST(:o AS uuid)").param("o", orderId)
                .query(String.class).list();
    }

    private BigDecimal bookPosition(String symbol) {
        return jdbc.sql("SELECT quantity FROM positions WHERE account = :a AND symbol = :s").param("a", ACCOUNT)
                .param("s", symbol).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    private BigDecimal awaitBookPosition(String symbol, BigDecimal expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bookPosition(symbol).compareTo(expected) != 0 && System.nanoTime() < deadline) {
            sleep(50);
        }
        return bookPosition(symbol);
    }

    /** IB's position: the simulator's executions of the account and symbol, latest correction of each. */
    private BigDecimal simulatorPosition(String symbol) {
        var latest = simulator.executions().stream().filter(x -> ACCOUNT.equals(x.account()) && symbol.equals(x.symbol()))
                .collect(Collectors.toMap(x -> x.execId().substring(0, x.execId().lastIndexOf('.')), x -> x,
                        (a, b) -> a.execId().compareTo(b.execId()) >= 0 ? a : b));
        return latest.values().stream().map(x -> "BOT".equals(x.side()) ? x.shares() : x.shares().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
