package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.domain.UsEquityCalendar;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry by durable timer and the pre-route denial. The test server skips time while the test waits for a
 * result, so a session close hours away is reached at once; the fake broker answers a cancel as IB does.
 */
class OrderExpiryWorkflowTest {
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
        oms.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        oms.registerActivitiesImplementations(ledger);
        env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
        env.start();
        client = env.getWorkflowClient();
        // IB confirms every cancel it receives.
        broker.onCancel = c -> OrderSubmission.existing(client, c.orderRef()).onBrokerEvents(status("Cancelled"));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void gtdOrderExpiresAtItsExpiryTime() {
        Instant now = now();
        Instant expireAt = now.plus(Duration.ofHours(3));
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTD, expireAt, now);
        OrderSubmission.submit(client, request);

        OrderView done = result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.updatedAt()).isAfterOrEqualTo(expireAt);
        assertThat(broker.cancels).hasSize(1);
        assertThat(ledger.actions()).containsExactly("order.created", "order.routed", "order.pending_cancel", "order.expired");
        assertThat(ledger.states.get(2).actor()).isEqualTo(OrderWorkflowImpl.EXPIRY_ACTOR);
    }

    @Test
    void dayOrderExpiresAtTheSessionCloseOfItsExchange() {
        Instant now = now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.DAY, null, now);
        OrderSubmission.submit(client, request);

        OrderView done = result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.updatedAt()).isAfterOrEqualTo(UsEquityCalendar.nextSessionClose(now));
    }

    @Test
    void partlyFilledDayOrderExpiresWithItsFills() {
        Instant now = now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.DAY, null, now);
        OrderSubmission.submit(client, request);
        OrderSubmission.existing(client, request.workflowId()).onBrokerEvents(fills(fill("d1.01", "4", "50")));

        OrderView done = result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void gtcOrderHasNoExpiry() {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTC, null, now());
        OrderSubmission.submit(client, request);
        OrderWorkflow order = OrderSubmission.existing(client, request.workflowId());
        order.onBrokerEvents(fills(fill("g1.01", "10", "50")));
        assertThat(result(request).state()).isEqualTo(OrderState.FILLED);
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void iocRemainderCancelledByIbStaysCanceled() {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.IOC, null, now());
        OrderSubmission.submit(client, request);
        OrderWorkflow order = OrderSubmission.existing(client, request.workflowId());
        order.onBrokerEvents(fills(fill("i1.01", "4", "50")));
        order.onBrokerEvents(status("Cancelled"));
        OrderView done = result(request);
        assertThat(done.state()).isEqualTo(OrderState.CANCELED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void gtdWhoseExpiryPassedBeforeRoutingIsDeniedWithoutTouchingTheBroker() {
        Instant now = now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTD,
                now.minus(Duration.ofMinutes(1)), now);
        OrderView view = OrderSubmission.submit(client, request);
        assertThat(view.state()).isEqualTo(OrderState.DENIED);
        assertThat(view.rejectReason()).contains("GTD expiry").contains("already passed");
        assertThat(result(request).state()).isEqualTo(OrderState.DENIED);
        assertThat(broker.placed).isEmpty();
        assertThat(ledger.actions()).containsExactly("order.created", "order.denied");
    }

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    private OrderView result(OrderRequest request) {
        return client.newUntypedWorkflowStub(request.workflowId()).getResult(OrderView.class);
    }
}
