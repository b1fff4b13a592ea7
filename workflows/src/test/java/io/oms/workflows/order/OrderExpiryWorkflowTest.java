package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.domain.UsEquityCalendar;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Expiry by durable timer and the pre-route denial. The test server skips time while the test waits for a
 * result, so a session close hours away is reached at once; the fake broker answers a cancel as IB does.
 */
class OrderExpiryWorkflowTest {
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(OrderWorkflowImpl.class, ledger, broker);

    @BeforeEach
    void ibConfirmsEveryCancel() {
        broker.onCancel = c -> OrderSubmission.existing(temporal.client(), c.orderRef()).onBrokerEvents(status("Cancelled"));
    }

    @Test
    void gtdOrderExpiresAtItsExpiryTime() {
        Instant now = temporal.now();
        Instant expireAt = now.plus(Duration.ofHours(3));
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTD, expireAt, now);
        OrderSubmission.submit(temporal.client(), request);

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.updatedAt()).isAfterOrEqualTo(expireAt);
        assertThat(broker.cancels).hasSize(1);
        assertThat(ledger.actions()).containsExactly("order.created", "order.routed", "order.pending_cancel", "order.expired");
        assertThat(ledger.states.get(2).actor()).isEqualTo(OrderWorkflowImpl.EXPIRY_ACTOR);
    }

    @Test
    void dayOrderExpiresAtTheSessionCloseOfItsExchange() {
        Instant now = temporal.now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.DAY, null, now);
        OrderSubmission.submit(temporal.client(), request);

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.updatedAt()).isAfterOrEqualTo(UsEquityCalendar.nextSessionClose(now));
    }

    @Test
    void partlyFilledDayOrderExpiresWithItsFills() {
        Instant now = temporal.now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.DAY, null, now);
        temporal.submitted(request).onBrokerEvents(fills(fill("d1.01", "4", "50")));

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void gtcOrderHasNoExpiry() {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTC, null, temporal.now());
        OrderWorkflow order = temporal.submitted(request);
        order.onBrokerEvents(fills(fill("g1.01", "10", "50")));
        assertThat(temporal.result(request).state()).isEqualTo(OrderState.FILLED);
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void iocRemainderCancelledByIbStaysCanceled() {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.IOC, null, temporal.now());
        OrderWorkflow order = temporal.submitted(request);
        order.onBrokerEvents(fills(fill("i1.01", "4", "50")));
        order.onBrokerEvents(status("Cancelled"));
        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.CANCELED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void gtdWhoseExpiryPassedBeforeRoutingIsDeniedWithoutTouchingTheBroker() {
        Instant now = temporal.now();
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "10", "50", TimeInForce.GTD,
                now.minus(Duration.ofMinutes(1)), now);
        OrderView view = OrderSubmission.submit(temporal.client(), request);
        assertThat(view.state()).isEqualTo(OrderState.DENIED);
        assertThat(view.rejectReason()).contains("GTD expiry").contains("already passed");
        assertThat(temporal.result(request).state()).isEqualTo(OrderState.DENIED);
        assertThat(broker.placed).isEmpty();
        assertThat(ledger.actions()).containsExactly("order.created", "order.denied");
    }

}