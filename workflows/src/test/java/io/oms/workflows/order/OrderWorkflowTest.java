package io.oms.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.client.WorkflowUpdateException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The order workflow's decisions, with the ledger and broker replaced by recording fakes. */
class OrderWorkflowTest {
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(OrderWorkflowImpl.class, ledger, broker);

    @Test
    void submitReturnsRoutedOnceBrokerAcknowledges() {
        OrderView view = OrderSubmission.submit(temporal.client(), request(OrderType.LMT, "10", "50"));
        assertThat(view.state()).isEqualTo(OrderState.ROUTED);
        assertThat(view.brokerOrderId()).isEqualTo(7);
        assertThat(ledger.actions()).containsExactly("order.created", "order.routed");
    }

    @Test
    void fillsCompleteTheOrderAndDuplicateExecutionsAreIgnored() {
        OrderRequest request = request(OrderType.MKT, "10", null);
        OrderWorkflow order = temporal.submitted(request);
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("e1.01", "4", "100.10"))));
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("e1.01", "4", "100.10"))));
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("e2.01", new BigDecimal("1.00"), "USD"))));
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("e2.01", "6", "100.20"))));
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("e1.01", new BigDecimal("1.00"), "USD"))));

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("10");
        assertThat(done.avgFillPrice()).isEqualByComparingTo("100.16");
        assertThat(ledger.executions).extracting(e -> e.execId()).containsExactly("e1.01", "e2.01");
        assertThat(ledger.commissions).extracting(c -> c.execId()).containsExactlyInAnyOrder("e1.01", "e2.01");
        assertThat(ledger.actions()).containsExactly("order.created", "order.routed", "order.partially_filled", "order.filled");
    }

    @Test
    void aBatchOfEventsIsAppliedInWireOrder() {
        OrderRequest request = request(OrderType.MKT, "10", null);
        temporal.submitted(request).onBrokerEvents(BrokerEvents.of(
                BrokerEvent.of(new BrokerStatus(7, 1000007L, "Submitted", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, null)),
                BrokerEvent.of(fill("b1.01", "10", "99.50")),
                BrokerEvent.of(fill("b1.01", "10", "99.50")),
                BrokerEvent.of(new BrokerStatus(7, 1000007L, "Filled", BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("99.50"), null)),
                BrokerEvent.of(new BrokerCommission("b1.01", new BigDecimal("1.00"), "USD"))));

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(ledger.executions).extracting(e -> e.execId()).containsExactly("b1.01");
        assertThat(ledger.commissions).extracting(c -> c.execId()).containsExactly("b1.01");
    }

    @Test
    void aStatusWithoutBrokerOrderIdKeepsTheKnownId() {
        // A completed order re-synced by a worker that never saw the order live carries only IB's permId.
        OrderRequest request = request(OrderType.LMT, "10", "50");
        temporal.submitted(request).onBrokerEvents(BrokerEvents.of(BrokerEvent.of(
                new BrokerStatus(0, 1000007L, "Cancelled", BigDecimal.ZERO, BigDecimal.TEN, null, null))));

        OrderView done = temporal.result(request);
        assertThat(done.state()).isEqualTo(OrderState.CANCELED);
        assertThat(done.brokerOrderId()).isEqualTo(7);
    }

    @Test
    void acknowledgementThatAlreadySaysFilledStillRoutesTheOrder() {
        broker.answer = c -> PlaceResult.acknowledged(7, 1000007L, "Filled");
        OrderView view = OrderSubmission.submit(temporal.client(), request(OrderType.MKT, "10", null));
        assertThat(view.state()).isEqualTo(OrderState.ROUTED);
    }

    @Test
    void brokerRejectEndsTheOrderRejectedWithReason() {
        broker.answer = c -> PlaceResult.rejected(7, 201, "Order rejected - reason: no permissions");
        OrderView view = OrderSubmission.submit(temporal.client(), request(OrderType.MKT, "10", null));
        assertThat(view.state()).isEqualTo(OrderState.REJECTED);
        assertThat(view.rejectReason()).contains("201").contains("no permissions");
    }

    @Test
    void cancelSendsCancelAndEndsCanceledOnBrokerConfirmation() {
        OrderRequest request = request(OrderType.LMT, "10", "50");
        OrderWorkflow order = temporal.submitted(request);
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", "test")));
        // IB confirms only what it was asked: deliver the confirmation once the cancel has gone out.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (broker.cancels.isEmpty() && System.nanoTime() < deadline) {
            sleepQuietly(5);
        }
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, "Cancelled", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, null))));
        OrderView view = pending.join();
        assertThat(view.state()).isEqualTo(OrderState.CANCELED);
        assertThat(broker.cancels).singleElement().satisfies(c -> assertThat(c.brokerOrderId()).isEqualTo(7));
    }

    @Test
    void rejectsCancelOfFilledOrder() {
        OrderRequest request = request(OrderType.MKT, "5", null);
        OrderWorkflow order = temporal.submitted(request);
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("x1.01", "5", "10"))));
        assertThat(order.state().state()).isEqualTo(OrderState.FILLED);
        assertThatThrownBy(() -> order.cancel(new CancelRequest("tester", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause().hasMessageContaining("FILLED and can no longer be canceled");
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void statusAfterTerminalStateIsRefusedNotApplied() {
        OrderRequest request = request(OrderType.MKT, "5", null);
        OrderWorkflow order = temporal.submitted(request);
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(fill("y1.01", "5", "10"))));
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, "Cancelled", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null))));
        assertThat(order.state().state()).isEqualTo(OrderState.FILLED);
        assertThat(ledger.actions()).doesNotContain("order.canceled");
    }

    @Test
    void retriedSubmissionReachesTheSameWorkflow() {
        OrderRequest request = request(OrderType.LMT, "10", "50");
        OrderView first = OrderSubmission.submit(temporal.client(), request);
        OrderView again = OrderSubmission.submit(temporal.client(), request);
        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(broker.placed).hasSize(1);
    }

    private static BrokerFill fill(String execId, String qty, String price) {
        return new BrokerFill(execId, 7, 1000007L, "DU1", "AAPL", Side.BUY, new BigDecimal(qty), new BigDecimal(price),
                BigDecimal.ZERO, BigDecimal.ZERO, "ISLAND", Instant.parse("2026-11-24T15:00:00Z"));
    }

    private static OrderRequest request(OrderType type, String qty, String limit) {
        return new OrderRequest(new OrderId(UUID.randomUUID()), new TenantId("t1"),
                new ClientOrderId("c-" + UUID.randomUUID()), "DU1", "sim", "AAPL", Side.BUY, type,
                new BigDecimal(qty), limit == null ? null : new BigDecimal(limit), null, null, null, TimeInForce.GTC, null,
                false, "tester",
                Instant.parse("2026-11-24T15:00:00Z"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
