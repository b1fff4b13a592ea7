package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Records the order workflow's histories for the replay test. Run it only when a workflow change is meant
 * to be released as the new baseline (after guarding the change with Workflow.getVersion):
 * {@code mvn -pl workflows test -Dtest=OrderHistories -Doms.record-histories=true}.
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
            oms.registerActivitiesImplementations(new FakeActivities.Ledger());
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
            env.start();
            WorkflowClient client = env.getWorkflowClient();

            OrderRequest filled = request("filled", OrderType.MKT, null);
            OrderSubmission.submit(client, filled);
            OrderWorkflow order = OrderSubmission.existing(client, filled.workflowId());
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, "Submitted", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, null))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("h1.01", "4", "100.10"))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("h1.01", "4", "100.10"))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("h2.01", new BigDecimal("1.00"), "USD"))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("h2.01", "6", "100.20"))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, "Filled", BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("100.16"), null))));
            order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("h1.01", new BigDecimal("1.00"), "USD"))));
            client.newUntypedWorkflowStub(filled.workflowId()).getResult(OrderView.class);
            write(client, filled, "order-filled.json");

            OrderRequest canceled = request("canceled", OrderType.LMT, "50");
            OrderSubmission.submit(client, canceled);
            OrderWorkflow resting = OrderSubmission.existing(client, canceled.workflowId());
            CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> resting.cancel(new CancelRequest("recorder", null)));
            env.sleep(Duration.ofMillis(200));
            resting.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, "PendingCancel", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, null))));
            resting.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerError(7, 202, "Order Canceled - reason:"))));
            cancel.join();
            client.newUntypedWorkflowStub(canceled.workflowId()).getResult(OrderView.class);
            write(client, canceled, "order-canceled.json");

            broker.answer = c -> io.oms.workflows.activities.PlaceResult.rejected(7, 201, "Order rejected - reason: test");
            OrderRequest rejected = request("rejected", OrderType.MKT, null);
            OrderSubmission.submit(client, rejected);
            client.newUntypedWorkflowStub(rejected.workflowId()).getResult(OrderView.class);
            write(client, rejected, "order-rejected.json");
        }
    }

    private static void write(WorkflowClient client, OrderRequest request, String name) throws Exception {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve(name), client.fetchHistory(request.workflowId()).toJson(true));
    }

    private static BrokerFill fill(String execId, String qty, String price) {
        return new BrokerFill(execId, 7, 1000007L, "DU1", "AAPL", Side.BUY, new BigDecimal(qty), new BigDecimal(price),
                BigDecimal.ZERO, BigDecimal.ZERO, "ISLAND", Instant.parse("2026-11-24T15:00:00Z"));
    }

    private static OrderRequest request(String name, OrderType type, String limit) {
        return new OrderRequest(new OrderId(UUID.fromString("01a20c2f-0000-7000-8000-00000000000" + name.length())),
                new TenantId("t1"), new ClientOrderId("history-" + name), "DU1", "sim", "AAPL", Side.BUY, type,
                BigDecimal.TEN, limit == null ? null : new BigDecimal(limit), null, null, null, TimeInForce.DAY, null,
                false, "recorder",
                Instant.parse("2026-11-24T15:00:00Z"));
    }
}
