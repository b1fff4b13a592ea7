package io.oms.server.multiprocess;

import io.oms.server.e2e.ApiClient;
import io.oms.server.e2e.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue acceptance: with {@code oms temporal}, {@code oms simulator}, {@code oms api} and {@code oms worker} as
 * separate processes, killing the worker mid-order and starting it again finishes the order with no duplicate
 * execution; killing it between placing an order and recording IB's acknowledgement leaves one IB order, found
 * by its orderRef, in its true state. The two tests share the processes.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class WorkerCrashRecoveryTest {
    private static final String API_KEY = "oms_mptest01_abcdefghijklmnopqrstuvwxyz012345";
    private static final Duration STARTUP = ProcessCluster.STARTUP;

    private static ProcessCluster cluster;
    private static OmsClient client;

    @BeforeAll
    static void startProcesses() throws Exception {
        int simControlPort = FreePorts.next();
        cluster = ProcessCluster.start("oms_mp_", API_KEY,
                Map.of("OMS_SIM_SLICE", "10", "OMS_SIM_SLICE_DELAY_MS", "400",
                        "OMS_SIM_CONTROL_PORT", String.valueOf(simControlPort)),
                Map.of("OMS_IB_MESSAGES_PER_SECOND", "500"), simControlPort);
        client = new OmsClient(cluster.apiPort, API_KEY, simControlPort);
        awaitBrokerUp();
        awaitAccountsSynced();
    }

    /** Orders are accepted only once the account's reconciliation after the session connected has succeeded. */
    private static void awaitAccountsSynced() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String state;
        while (!"SYNCED".equals(state = client.syncState("DU1234567"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DU1234567 not SYNCED within " + STARTUP + ": " + state
                        + "; logs in " + OmsProcess.LOG_DIR.toAbsolutePath());
            }
            OmsProcess.sleep(250);
        }
    }

    @AfterAll
    static void stopProcesses() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    void killedWorkerMidOrderFinishesTheOrderWithoutDuplicateExecutions() throws Exception {
        awaitBrokerUp(); // the other test may have just restarted the worker
        awaitAccountsSynced();
        BigDecimal positionBefore = client.position("AAPL");
        String clientOrderId = "mp-" + UUID.randomUUID();
        String orderRef = "order/demo/" + clientOrderId;

        JsonNode submitted = client.submitMarketBuy("AAPL", 100, clientOrderId);
        String id = submitted.path("id").asString();
        assertThat(submitted.path("state").asString()).isIn("ROUTED", "PARTIALLY_FILLED");

        JsonNode midFill = awaitOrder(id, Duration.ofSeconds(30), o -> filled(o).signum() > 0,
                "a first fill");
        assertThat(filled(midFill)).as("the order must still be mid-fill when the worker is killed: %s", midFill)
                .isLessThan(new BigDecimal("100"));
        cluster.killWorker();
        System.out.println("killed the worker (SIGKILL) at filledQty " + filled(midFill) + " of order " + orderRef);

        Thread.sleep(1_500); // the simulator keeps filling while no worker holds the IB session
        cluster.startWorker();

        JsonNode done = awaitOrder(id, Duration.ofSeconds(90), o -> "FILLED".equals(o.path("state").asString()),
                "state FILLED");
        System.out.println("order FILLED after the restart: " + done);
        assertThat(filled(done)).isEqualByComparingTo("100");
        assertThat(done.path("brokerOrderId").isNumber()).as("brokerOrderId set: %s", done).isTrue();

        List<JsonNode> executions = client.executions(id);
        List<String> execIds = executions.stream().map(x -> x.path("execId").asString()).toList();
        assertThat(executions).as("OMS executions %s", executions).hasSize(10);
        assertThat(execIds).doesNotHaveDuplicates();
        assertThat(executions.stream().map(x -> new BigDecimal(x.path("qty").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");

        List<JsonNode> simExecutions = client.simulatorExecutions(orderRef);
        assertThat(simExecutions).as("simulator executions %s", simExecutions).hasSize(10);
        assertThat(simExecutions.stream().map(x -> x.path("execId").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(execIds);
        assertThat(simExecutions.stream().map(x -> x.path("orderId").asString()).distinct().toList())
                .as("one IB order for the whole OMS order").containsExactly(done.path("brokerOrderId").asString());

        BigDecimal positionAfter = awaitPosition("AAPL", positionBefore.add(new BigDecimal("100")));
        assertThat(positionAfter.subtract(positionBefore)).isEqualByComparingTo("100");
    }

    /**
     * The worker dies after the order reached IB but before IB's acknowledgement was recorded (the simulator holds
     * the acknowledgement back). The placement is retried on the restarted worker, which finds the order at IB by
     * its orderRef instead of placing it again: the order ends FILLED with its executions and one IB order.
     */
    @Test
    void workerKilledBetweenPlacingAndRecordingTheAckLeavesOneBrokerOrderInItsTrueState() throws Exception {
        awaitBrokerUp(); // the other test may have just restarted the worker
        awaitAccountsSynced();
        String clientOrderId = "mp-ack-" + UUID.randomUUID();
        String orderRef = "order/demo/" + clientOrderId;
        client.simulatorFault("/faults/placement?kind=delay-ack&next=1&ms=30000");
        try {
            CompletableFuture<ApiClient.Response> post = CompletableFuture.supplyAsync(() -> client.postMarketBuy("AAPL", 20, clientOrderId));
            OmsProcess.awaitUntil(Duration.ofSeconds(15), "the order at the simulator", () -> !client.simulatorOrders(orderRef).isEmpty());
            cluster.killWorker();
            JsonNode atKill = client.orderByClientOrderId(clientOrderId);
            System.out.println("killed the worker (SIGKILL) with the order at IB, unacknowledged: " + atKill);
            assertThat(atKill.path("state").asString()).as("no acknowledgement recorded before the kill").isEqualTo("NEW");

            cluster.startWorker();
            OmsProcess.awaitUntil(Duration.ofSeconds(90), "state FILLED", () -> {
                JsonNode o = client.orderByClientOrderId(clientOrderId);
                return o != null && "FILLED".equals(o.path("state").asString());
            });
            JsonNode done = client.orderByClientOrderId(clientOrderId);
            System.out.println("order FILLED after the restart: " + done + "; the POST answered " + OmsClient.answer(post));
            assertThat(filled(done)).isEqualByComparingTo("20");

            List<JsonNode> atIb = client.simulatorOrders(orderRef);
            assertThat(atIb).as("one IB order for the OMS order: %s", atIb).hasSize(1);
            assertThat(atIb.get(0).path("orderId").asInt()).isEqualTo(done.path("brokerOrderId").asInt());
            assertThat(client.simulatorPlacements(orderRef)).as("placeOrder messages sent").isEqualTo(1);

            String id = done.path("id").asString();
            List<String> execIds = client.executions(id).stream().map(x -> x.path("execId").asString()).toList();
            assertThat(execIds).doesNotHaveDuplicates();
            assertThat(client.simulatorExecutions(orderRef).stream().map(x -> x.path("execId").asString()).toList())
                    .containsExactlyInAnyOrderElementsOf(execIds);
        } finally {
            client.simulatorFault("/faults/clear");
        }
    }

    private static void awaitBrokerUp() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String status;
        while (!"UP".equals(status = client.brokerHealth())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("broker health not UP within " + STARTUP + ": " + status
                        + "; logs in " + OmsProcess.LOG_DIR.toAbsolutePath());
            }
            OmsProcess.sleep(250);
        }
    }

    private static JsonNode awaitOrder(String id, Duration timeout, Predicate<JsonNode> until, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode order = client.order(id);
        while (!until.test(order)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order " + id + " did not reach " + what + " within " + timeout
                        + "; last seen " + order + "; logs in " + OmsProcess.LOG_DIR.toAbsolutePath());
            }
            OmsProcess.sleep(50);
            order = client.order(id);
        }
        return order;
    }

    /** Positions are projected from executions and may trail the order state by a moment. */
    private static BigDecimal awaitPosition(String symbol, BigDecimal expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        BigDecimal qty = client.position(symbol);
        while (qty.compareTo(expected) != 0 && System.nanoTime() < deadline) {
            OmsProcess.sleep(100);
            qty = client.position(symbol);
        }
        return qty;
    }

    private static BigDecimal filled(JsonNode order) {
        String qty = order.path("filledQty").asString("");
        return qty.isEmpty() || "null".equals(qty) ? BigDecimal.ZERO : new BigDecimal(qty);
    }
}
