package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.eventually;
import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;

import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckResult;
import io.oms.workflows.risk.RiskDenial;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Records the order workflow's histories for the replay test. Run it only when a workflow change is meant
 * to be released as the new baseline (after guarding the change with Workflow.getVersion):
 * {@code mvn -pl workflows test -Dtest=OrderHistories -Doms.record-histories=true}. It records the histories of
 * the second release ({@code order-v2-*}); the first release's ({@code order-filled/canceled/rejected.json})
 * were recorded by this class's first version and must never be overwritten. {@code -Doms.record-histories=risk}
 * records the histories with risk checks ({@code order-v3-*}), {@code =inflight} those of the in-flight check
 * ({@code order-v4-*}).
 */
class OrderHistories {
    static final Path DIR = Path.of("src/test/resources/histories");

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "true")
    void record() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            FakeActivities.Broker broker = new FakeActivities.Broker();
            Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
            oms.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            oms.registerActivitiesImplementations(new FakeActivities.Ledger(), new FakeActivities.Risk());
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Instant now = Instant.ofEpochMilli(env.currentTimeMillis());

            // A fill racing the cancel, then IB's confirmation.
            OrderRequest canceled = request("v2-canceled", OrderType.LMT, "50", TimeInForce.GTC, null, now);
            OrderWorkflow resting = submitted(client, canceled);
            CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> resting.cancel(new CancelRequest("recorder", null)));
            eventually(() -> !broker.cancels.isEmpty());
            resting.onBrokerEvents(status("PendingCancel"));
            resting.onBrokerEvents(fills(fill("v2c1.01", "4", "50")));
            resting.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("v2c1.01", BigDecimal.ONE, "USD"))));
            resting.onBrokerEvents(status("Cancelled"));
            cancel.join();
            finish(client, canceled, "order-v2-canceled.json");

            // A confirmed modify, a refused one, a corrected execution, then filled.
            OrderRequest modified = request("v2-modified", OrderType.LMT, "50", TimeInForce.DAY, null, now);
            OrderWorkflow working = submitted(client, modified);
            working.modify(new ModifyRequest(working.state().version(), new BigDecimal("12"), new BigDecimal("51"), null, null, "recorder"));
            broker.modifyAnswer = c -> ModifyAck.refused(105, "Order being modified does not match original order");
            working.modify(new ModifyRequest(working.state().version(), null, new BigDecimal("52"), null, null, "recorder"));
            working.onBrokerEvents(fills(fill("0000v2.m1.01", "5", "51")));
            working.onBrokerEvents(fills(fill("0000v2.m1.02", "6", "51")));
            working.onBrokerEvents(fills(fill("0000v2.m2.01", "6", "51")));
            finish(client, modified, "order-v2-modified.json");

            // Expired by its GTD timer; IB confirms the expiry's cancel. (Waiting for the DAY order skipped time.)
            now = Instant.ofEpochMilli(env.currentTimeMillis());
            broker.onCancel = c -> OrderSubmission.existing(client, c.orderRef()).onBrokerEvents(status("Cancelled"));
            OrderRequest expired = request("v2-expired", OrderType.LMT, "50", TimeInForce.GTD, now.plus(Duration.ofHours(2)), now);
            OrderSubmission.submit(client, expired);
            finish(client, expired, "order-v2-expired.json");

            OrderRequest denied = request("v2-denied", OrderType.LMT, "50", TimeInForce.GTD, now.minusSeconds(60), now);
            OrderSubmission.submit(client, denied);
            finish(client, denied, "order-v2-denied.json");
        }
    }

    /** Orders under the risk checks: denied, a partial fill's breach cancelling the rest, a modify denied. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "risk")
    void recordRiskChecks() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            FakeActivities.Broker broker = new FakeActivities.Broker();
            FakeActivities.Risk risk = new FakeActivities.Risk();
            Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
            oms.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            oms.registerActivitiesImplementations(new FakeActivities.Ledger(), risk);
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
            RiskDenial notional = new RiskDenial(DenialReason.MAX_NOTIONAL, new BigDecimal("1000"), new BigDecimal("2500"),
                    "limit-1", "notional 2500 is above the limit 1000");

            risk.answer = r -> new RiskCheckResult(List.of(notional));
            OrderRequest denied = request("v3-denied", OrderType.LMT, "50", TimeInForce.GTC, null, now);
            OrderSubmission.submit(client, denied);
            finish(client, denied, "order-v3-denied.json");

            // Passes, partly fills, the rest breaches on the in-flight check and is cancelled.
            risk.answer = r -> new RiskCheckResult(r.kind() == RiskCheckKind.IN_FLIGHT ? List.of(notional) : List.of());
            OrderRequest breached = request("v3-breached", OrderType.LMT, "50", TimeInForce.GTC, null, now);
            OrderWorkflow working = submitted(client, breached);
            working.onBrokerEvents(fills(fill("v3b1.01", "4", "50")));
            eventually(() -> !broker.cancels.isEmpty());
            working.onBrokerEvents(status("Cancelled"));
            finish(client, breached, "order-v3-breached.json");

            // A modify the check denies, then one it passes, then filled in two parts.
            OrderRequest modified = request("v3-modified", OrderType.LMT, "50", TimeInForce.GTC, null, now);
            OrderWorkflow order = submitted(client, modified);
            risk.answer = r -> new RiskCheckResult(r.kind() == RiskCheckKind.MODIFY
                    && r.intent().quantity().compareTo(new BigDecimal("100")) == 0 ? List.of(notional) : List.of());
            order.modify(new ModifyRequest(order.state().version(), new BigDecimal("100"), null, null, null, "recorder"));
            order.modify(new ModifyRequest(order.state().version(), new BigDecimal("12"), null, null, null, "recorder"));
            order.onBrokerEvents(fills(fill("v3m1.01", "5", "50")));
            order.onBrokerEvents(fills(fill("v3m2.01", "7", "50")));
            finish(client, modified, "order-v3-modified.json");
        }
    }

    /**
     * A placement IB never saw (BROKER_NO_ACK after the in-flight check): the order ends REJECTED under
     * order-inflight-check-1. {@code -Doms.record-histories=inflight} records {@code order-v4-inflight-rejected.json}.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "inflight")
    void recordInFlightCheck() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            FakeActivities.Broker broker = new FakeActivities.Broker();
            broker.answer = c -> {
                throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure("IB did not acknowledge the order within"
                        + " PT5S and has no order under orderRef " + c.orderRef() + " after 5 lookups", "BROKER_NO_ACK");
            };
            Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
            oms.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            oms.registerActivitiesImplementations(new FakeActivities.Ledger(), new FakeActivities.Risk());
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
            env.start();
            OrderRequest rejected = request("v4-inflight-rejected", OrderType.MKT, null, TimeInForce.DAY, null,
                    Instant.ofEpochMilli(env.currentTimeMillis()));
            OrderSubmission.submit(env.getWorkflowClient(), rejected);
            finish(env.getWorkflowClient(), rejected, "order-v4-inflight-rejected.json");
        }
    }

    /**
     * Both runs of an order that continued as new, for the replay test (which replays them on
     * SmallHistoryOrderWorkflow). The Java test server returns the first run's history up to its last workflow
     * task (without the continued-as-new event); the second run's starts from the carried state.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "true")
    void recordContinued() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
            oms.registerWorkflowImplementationTypes(SmallHistoryOrderWorkflow.class);
            oms.registerActivitiesImplementations(new FakeActivities.Ledger(), new FakeActivities.Risk());
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(new FakeActivities.Broker());
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            OrderRequest request = request("v2-continued", OrderType.LMT, "50", TimeInForce.GTC, null,
                    Instant.ofEpochMilli(env.currentTimeMillis()));
            OrderWorkflow order = submitted(client, request);
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("v2n0.01", BigDecimal.ONE, "USD"))));
            for (int i = 1; i <= 9; i++) {
                order.onBrokerEvents(fills(fill("v2n" + i + ".01", "1", "50")));
                BigDecimal filled = BigDecimal.valueOf(i);
                eventually(() -> order.state().filledQuantity().compareTo(filled) == 0); // one workflow task per fill
            }
            order.onBrokerEvents(fills(fill("v2n0.01", "1", "50")));
            finish(client, request, "order-v2-continued-last-run.json");
            String firstRun = null;
            String runId = null;
            for (int i = 0; i < 100; i++) {
                var history = runId == null ? client.fetchHistory(request.workflowId()) : client.fetchHistory(request.workflowId(), runId);
                String previous = history.getEvents().getFirst().getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
                if (previous.isEmpty()) {
                    firstRun = runId;
                    break;
                }
                runId = previous;
            }
            if (firstRun == null) {
                throw new AssertionError("the order did not continue as new");
            }
            Files.writeString(DIR.resolve("order-v2-continued-first-run.json"),
                    client.fetchHistory(request.workflowId(), firstRun).toJson(true));
        }
    }

    private static OrderWorkflow submitted(WorkflowClient client, OrderRequest request) {
        OrderSubmission.submit(client, request);
        return OrderSubmission.existing(client, request.workflowId());
    }

    private static void finish(WorkflowClient client, OrderRequest request, String name) throws Exception {
        client.newUntypedWorkflowStub(request.workflowId()).getResult(OrderView.class);
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve(name), client.fetchHistory(request.workflowId()).toJson(true));
    }

    private static OrderRequest request(String name, OrderType type, String limit, TimeInForce tif, Instant expireAt,
                                        Instant submittedAt) {
        return new OrderRequest(new OrderId(UUID.nameUUIDFromBytes(name.getBytes())), new TenantId("t1"),
                new ClientOrderId("history-" + name), "DU1", "sim", "AAPL", Side.BUY, type, BigDecimal.TEN,
                limit == null ? null : new BigDecimal(limit), null, null, null, tif, expireAt, false, "recorder",
                submittedAt);
    }
}
