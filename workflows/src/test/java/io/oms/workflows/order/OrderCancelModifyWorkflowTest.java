package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.error;
import static io.oms.workflows.order.WorkflowTestSupport.eventually;
import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.activities.ModifyOrderCommand;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancel and modify as workflow updates, with the ledger and broker replaced by recording fakes. */
class OrderCancelModifyWorkflowTest {
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(OrderWorkflowImpl.class, ledger, broker);

    @Test
    void cancelShowsPendingCancelThenCanceledOnConfirmation() {
        OrderWorkflow order = placed("10");
        CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", null)));
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        assertThat(order.state().state()).isEqualTo(OrderState.PENDING_CANCEL);
        order.onBrokerEvents(status("PendingCancel"));
        order.onBrokerEvents(status("Cancelled"));
        assertThat(cancel.join().state()).isEqualTo(OrderState.CANCELED);
        assertThat(ledger.actions()).containsExactly("order.created", "order.routed", "order.pending_cancel", "order.canceled");
        assertThat(ledger.states).extracting(s -> s.order().version()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void fillsDuringPendingCancelAreApplied() {
        OrderWorkflow order = placed("10");
        CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", null)));
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        order.onBrokerEvents(fills(fill("pc1.01", "4", "50")));
        assertThat(eventually(() -> order.state().filledQuantity().compareTo(new BigDecimal("4")) == 0)).isTrue();
        assertThat(order.state().state()).isEqualTo(OrderState.PENDING_CANCEL);
        order.onBrokerEvents(fills(fill("pc2.01", "6", "50")));
        OrderView done = cancel.join();
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("10");
        // IB's refusal of the cancel of a filled order arrives afterwards and changes nothing.
        order.onBrokerEvents(error(10148, "OrderId 7 that needs to be cancelled cannot be cancelled, state: Filled."));
        assertThat(ledger.actions()).contains("order.pending_cancel", "order.partially_filled", "order.filled")
                .doesNotContain("order.canceled");
    }

    @Test
    void cancelRefusedByIbReturnsTheOrderToItsWorkingState() {
        OrderWorkflow order = placed("10");
        order.onBrokerEvents(fills(fill("cr1.01", "3", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.PARTIALLY_FILLED)).isTrue();
        CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", null)));
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        order.onBrokerEvents(error(161, "Cancel attempted when order is not in a cancellable state."));
        assertThat(cancel.join().state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(ledger.states.getLast().action()).isEqualTo("order.cancel_refused");
        assertThat(ledger.states.getLast().detail()).startsWith("161:");
        // A later cancel is sent again.
        CompletableFuture.runAsync(() -> order.cancel(new CancelRequest("tester", null)));
        assertThat(eventually(() -> broker.cancels.size() == 2)).isTrue();
    }

    @Test
    void cancelThatCannotBeSentReturnsTheOrderToWorking() {
        broker.cancelFailure = ApplicationFailure.newNonRetryableFailure("IB session is not connected", "BROKER_UNAVAILABLE");
        OrderWorkflow order = placed("10");
        OrderView view = order.cancel(new CancelRequest("tester", null));
        assertThat(view.state()).isEqualTo(OrderState.ROUTED);
        assertThat(ledger.actions()).endsWith("order.pending_cancel", "order.cancel_refused");
    }

    @Test
    void rejectsCancelOfFilledOrder() {
        OrderWorkflow order = placed("5");
        order.onBrokerEvents(fills(fill("f1.01", "5", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.FILLED)).isTrue();
        assertThatThrownBy(() -> order.cancel(new CancelRequest("tester", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause().hasMessageContaining("FILLED and can no longer be canceled");
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void modifyConfirmedByIbReplacesPriceAndQuantity() {
        OrderWorkflow order = placed("10");
        long version = order.state().version();
        ModifyOutcome outcome = order.modify(new ModifyRequest(version, new BigDecimal("20"), new BigDecimal("51"), null, null, "tester"));
        assertThat(outcome.status()).isEqualTo(ModifyOutcome.Status.CONFIRMED);
        assertThat(outcome.order().state()).isEqualTo(OrderState.ROUTED);
        assertThat(outcome.order().quantity()).isEqualByComparingTo("20");
        assertThat(outcome.order().limitPrice()).isEqualByComparingTo("51");
        assertThat(outcome.order().version()).isEqualTo(version + 2);
        assertThat(broker.modifies).singleElement().satisfies(m -> {
            assertThat(m.brokerOrderId()).isEqualTo(7);
            assertThat(m.order().quantity()).isEqualByComparingTo("20");
            assertThat(m.order().limitPrice()).isEqualByComparingTo("51");
            assertThat(m.order().orderRef()).isEqualTo(outcome.order().clientOrderId() == null ? null
                    : OrderWorkflowContract.workflowId(outcome.order().tenantId(), outcome.order().clientOrderId()));
        });
        assertThat(ledger.actions()).endsWith("order.pending_modify", "order.replaced");
    }

    @Test
    void modifyWithAStaleVersionIsRefusedAndNothingIsSent() {
        OrderWorkflow order = placed("10");
        long stale = order.state().version() - 1;
        assertThatThrownBy(() -> order.modify(new ModifyRequest(stale, null, new BigDecimal("51"), null, null, "tester")))
                .isInstanceOf(WorkflowUpdateException.class)
                .satisfies(e -> assertThat(UpdateRefusal.read(e)).hasValueSatisfying(
                        p -> assertThat(p.code()).isEqualTo(ErrorCode.STATE_CONFLICT)));
        assertThat(broker.modifies).isEmpty();
        assertThat(order.state().limitPrice()).isEqualByComparingTo("50");
    }

    @Test
    void modifyBelowTheFilledQuantityIsRefused() {
        OrderWorkflow order = placed("10");
        order.onBrokerEvents(fills(fill("mb1.01", "6", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.PARTIALLY_FILLED)).isTrue();
        long version = order.state().version();
        assertThatThrownBy(() -> order.modify(new ModifyRequest(version, new BigDecimal("5"), null, null, null, "tester")))
                .isInstanceOf(WorkflowUpdateException.class)
                .satisfies(e -> assertThat(UpdateRefusal.read(e)).hasValueSatisfying(p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.STATE_CONFLICT);
                    assertThat(p.field()).isEqualTo("qty");
                    assertThat(p.message()).contains("filled quantity 6");
                }));
        assertThat(broker.modifies).isEmpty();
    }

    @Test
    void modifyThatMakesNoSenseForTheTypeIsRefused() {
        OrderWorkflow order = placed("10");
        long version = order.state().version();
        assertThatThrownBy(() -> order.modify(new ModifyRequest(version, null, null, new BigDecimal("49"), null, "tester")))
                .satisfies(e -> assertThat(UpdateRefusal.read(e)).hasValueSatisfying(p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(p.field()).isEqualTo("stopPrice");
                    assertThat(p.message()).contains("does not apply to LMT");
                }));
        assertThatThrownBy(() -> order.modify(new ModifyRequest(version, null, null, null, TimeInForce.IOC, "tester")))
                .rootCause().hasMessageContaining("cannot change to IOC");
        assertThat(broker.modifies).isEmpty();
    }

    @Test
    void modifyRefusedByIbKeepsTheOldTermsAndSaysWhy() {
        broker.modifyAnswer = c -> ModifyAck.refused(105, "Order being modified does not match original order");
        OrderWorkflow order = placed("10");
        ModifyOutcome outcome = order.modify(new ModifyRequest(order.state().version(), null, new BigDecimal("49"), null, null, "tester"));
        assertThat(outcome.status()).isEqualTo(ModifyOutcome.Status.REFUSED);
        assertThat(outcome.reason()).startsWith("105:");
        assertThat(outcome.order().state()).isEqualTo(OrderState.ROUTED);
        assertThat(outcome.order().limitPrice()).isEqualByComparingTo("50");
        assertThat(ledger.actions()).endsWith("order.pending_modify", "order.modify_refused");
    }

    @Test
    void cancelAskedWhileAModifyIsAtIbWaitsForTheModifysAnswer() {
        CountDownLatch release = new CountDownLatch(1);
        broker.modifyAnswer = answeredOnRelease(release, 10, ModifyAck.confirmed());
        OrderWorkflow order = placed("10");
        CompletableFuture<ModifyOutcome> modify = CompletableFuture.supplyAsync(() ->
                order.modify(new ModifyRequest(order.state().version(), null, new BigDecimal("49"), null, null, "tester")));
        assertThat(eventually(() -> !broker.modifies.isEmpty())).isTrue();
        CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", null)));
        sleep(300); // the cancel is queued behind the modify: nothing goes to IB yet
        assertThat(broker.cancels).isEmpty();
        assertThat(order.state().state()).isEqualTo(OrderState.PENDING_MODIFY);
        release.countDown();
        assertThat(modify.join().status()).isEqualTo(ModifyOutcome.Status.CONFIRMED);
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        order.onBrokerEvents(status("Cancelled"));
        assertThat(cancel.join().state()).isEqualTo(OrderState.CANCELED);
        assertThat(ledger.actions()).endsWith("order.pending_modify", "order.replaced", "order.pending_cancel", "order.canceled");
    }

    @Test
    void modifyAtIbWhenTheLastFillEndsTheOrderIsAnsweredBeforeTheWorkflowCompletes() {
        CountDownLatch release = new CountDownLatch(1);
        broker.modifyAnswer = answeredOnRelease(release, 10, ModifyAck.refused(104, "Can't modify a filled order"));
        OrderWorkflow order = placed("10");
        CompletableFuture<ModifyOutcome> modify = CompletableFuture.supplyAsync(() ->
                order.modify(new ModifyRequest(order.state().version(), new BigDecimal("12"), null, null, null, "tester")));
        assertThat(eventually(() -> !broker.modifies.isEmpty())).isTrue();
        order.onBrokerEvents(fills(fill("end1.01", "10", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.FILLED)).isTrue();
        release.countDown();
        ModifyOutcome outcome = modify.join();
        assertThat(outcome.status()).isEqualTo(ModifyOutcome.Status.REFUSED);
        assertThat(outcome.reason()).startsWith("104:");
        assertThat(outcome.order().state()).isEqualTo(OrderState.FILLED);
        assertThat(outcome.order().quantity()).isEqualByComparingTo("10");
    }

    @Test
    void modifyNotAnsweredWithinTheWaitIsPendingThenConfirmedLater() {
        CountDownLatch release = new CountDownLatch(1);
        broker.modifyAnswer = answeredOnRelease(release, 30, ModifyAck.confirmed());
        OrderWorkflow order = placed("10");
        ModifyOutcome outcome = order.modify(new ModifyRequest(order.state().version(), null, new BigDecimal("49"), null, null, "tester"));
        assertThat(outcome.status()).isEqualTo(ModifyOutcome.Status.PENDING);
        assertThat(outcome.order().state()).isEqualTo(OrderState.PENDING_MODIFY);
        assertThat(outcome.order().limitPrice()).isEqualByComparingTo("50");
        release.countDown();
        assertThat(eventually(() -> order.state().state() == OrderState.ROUTED)).isTrue();
        assertThat(order.state().limitPrice()).isEqualByComparingTo("49");
    }

    /** IB's answer to a modify, held back until the test releases it (or the bounded wait runs out). */
    private static Function<ModifyOrderCommand, ModifyAck> answeredOnRelease(CountDownLatch release, long seconds,
            ModifyAck answer) {
        return command -> {
            try {
                release.await(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void modifyOfAFilledOrderIsRefused() {
        OrderWorkflow order = placed("5");
        order.onBrokerEvents(fills(fill("mf1.01", "5", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.FILLED)).isTrue();
        long version = order.state().version();
        assertThatThrownBy(() -> order.modify(new ModifyRequest(version, null, new BigDecimal("49"), null, null, "tester")))
                .rootCause().hasMessageContaining("FILLED and can no longer be modified");
    }

    @Test
    void correctedExecutionReplacesTheEarlierFillAndStillReachesTheLedger() {
        OrderWorkflow order = placed("10");
        order.onBrokerEvents(fills(fill("0000e0d5.65b1.01.01", "4", "50"), fill("0000e0d5.65b2.01.01", "2", "50")));
        order.onBrokerEvents(fills(fill("0000e0d5.65b1.01.02", "4", "49.50")));
        order.onBrokerEvents(fills(fill("0000e0d5.65b1.01.01", "4", "50")));
        assertThat(eventually(() -> ledger.executions.size() == 3)).isTrue();
        OrderView view = order.state();
        assertThat(view.filledQuantity()).isEqualByComparingTo("6");
        assertThat(view.avgFillPrice()).isEqualByComparingTo(new BigDecimal("298").divide(new BigDecimal("6"), 8, java.math.RoundingMode.HALF_EVEN));
        assertThat(ledger.executions).extracting(e -> e.execId())
                .containsExactly("0000e0d5.65b1.01.01", "0000e0d5.65b2.01.01", "0000e0d5.65b1.01.02");
        assertThat(ledger.actions()).contains("order.fill_corrected");
    }

    private OrderWorkflow placed(String qty) {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, qty, "50", TimeInForce.GTC, null, temporal.now());
        OrderView view = OrderSubmission.submit(temporal.client(), request);
        assertThat(view.state()).isEqualTo(OrderState.ROUTED);
        return OrderSubmission.existing(temporal.client(), request.workflowId());
    }
}
