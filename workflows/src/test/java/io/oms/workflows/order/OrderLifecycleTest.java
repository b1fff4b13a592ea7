package io.oms.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state machine's answer to each of IB's sequences, without Temporal. */
class OrderLifecycleTest {
    /** A Tuesday, 10:00 New York: the DAY session closes at 21:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final Instant CLOSE = Instant.parse("2026-11-24T21:00:00Z");

    @Test
    void acknowledgedThenFilledInTwoExecutions() {
        OrderLifecycle order = routed(TimeInForce.DAY);
        assertThat(fill(order, "e1.01", "4", "100").action()).isEqualTo("order.partially_filled");
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(fill(order, "e2.01", "6", "101").action()).isEqualTo("order.filled");
        assertThat(order.view().avgFillPrice()).isEqualByComparingTo("100.6");
    }

    @Test
    void duplicateAndLateStatusesChangeNothing() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        fill(order, "e1.01", "4", "100");
        long version = order.view().version();
        assertThat(order.brokerStatus("Submitted", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerStatus("PreSubmitted", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerStatus("Filled", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.offer("e1.01", new BigDecimal("4"), BigDecimal.TEN)).isEqualTo(FillBook.Offer.DUPLICATE);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.view().version()).isEqualTo(version);
    }

    @Test
    void repeatedCancelledAfterCanceledIsQuiet() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        assertThat(order.brokerStatus("Cancelled", null, T0).action()).isEqualTo("order.canceled");
        assertThat(order.brokerStatus("Cancelled", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerError(202, "Order Canceled", T0).kind()).isEqualTo(Transition.Kind.NONE);
    }

    @Test
    void cancelGoesPendingThenCanceledOnConfirmation() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        assertThat(order.cancelRequested(false, T0).action()).isEqualTo("order.pending_cancel");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(order.brokerStatus("PendingCancel", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerStatus("Cancelled", null, T0).action()).isEqualTo("order.canceled");
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
    }

    @Test
    void partialFillDuringPendingCancelIsAppliedAndStaysPending() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        order.cancelRequested(false, T0);
        Transition t = fill(order, "e1.01", "3", "100");
        assertThat(t.action()).isEqualTo("order.partially_filled");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(order.view().filledQuantity()).isEqualByComparingTo("3");
        assertThat(order.brokerError(202, "Order Canceled", T0).action()).isEqualTo("order.canceled");
        assertThat(order.view().filledQuantity()).isEqualByComparingTo("3");
    }

    @Test
    void fillRacingTheCancelCompletesTheOrderAndTheLateConfirmationIsRefused() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        order.cancelRequested(false, T0);
        assertThat(fill(order, "e1.01", "10", "100").action()).isEqualTo("order.filled");
        Transition late = order.brokerStatus("Cancelled", null, T0);
        assertThat(late.kind()).isEqualTo(Transition.Kind.REFUSED);
        assertThat(late.refusedFrom()).isEqualTo(OrderState.FILLED);
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void refusedCancelReturnsToTheWorkingState() {
        OrderLifecycle routed = routed(TimeInForce.GTC);
        routed.cancelRequested(false, T0);
        Transition back = routed.brokerError(10147, "OrderId 7 that needs to be cancelled is not found.", T0);
        assertThat(back.action()).isEqualTo("order.cancel_refused");
        assertThat(back.detail()).startsWith("10147:");
        assertThat(routed.state()).isEqualTo(OrderState.ROUTED);

        OrderLifecycle partial = routed(TimeInForce.GTC);
        fill(partial, "e1.01", "4", "100");
        partial.cancelRequested(false, T0);
        assertThat(partial.brokerError(161, "Cancel attempted when order is not in a cancellable state", T0).action())
                .isEqualTo("order.cancel_refused");
        assertThat(partial.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    }

    @Test
    void orderNotFoundRefusesWhicheverRequestIsPending() {
        OrderLifecycle canceling = routed(TimeInForce.GTC);
        canceling.cancelRequested(false, T0);
        assertThat(canceling.brokerError(135, "Can't find order with id =7", T0).action()).isEqualTo("order.cancel_refused");
        OrderLifecycle modifying = routed(TimeInForce.GTC);
        modifying.modifyRequested(T0);
        assertThat(modifying.brokerError(135, "Can't find order with id =7", T0).action()).isEqualTo("order.modify_refused");
        assertThat(modifying.state()).isEqualTo(OrderState.ROUTED);
    }

    @Test
    void cancelRefusalWithoutAPendingCancelChangesNothing() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        assertThat(order.brokerError(10148, "cannot be cancelled", T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.state()).isEqualTo(OrderState.ROUTED);
    }

    @Test
    void unsolicitedPendingCancelFromIbIsPendingCancel() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        assertThat(order.brokerStatus("PendingCancel", null, T0).action()).isEqualTo("order.pending_cancel");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_CANCEL);
    }

    @Test
    void iocRemainderCancelledByIbStaysCanceled() {
        OrderLifecycle order = routed(TimeInForce.IOC);
        fill(order, "e1.01", "4", "100");
        assertThat(order.brokerStatus("Cancelled", null, T0.plusSeconds(1)).action()).isEqualTo("order.canceled");
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
    }

    @Test
    void expiryCancelConfirmedEndsExpired() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        assertThat(order.cancelRequested(true, T0).detail()).isEqualTo("expiry");
        assertThat(order.brokerStatus("Cancelled", null, T0).action()).isEqualTo("order.expired");
        assertThat(order.state()).isEqualTo(OrderState.EXPIRED);
    }

    @Test
    void unsolicitedCancelAtOrAfterTheSessionCloseIsExpiry() {
        OrderLifecycle early = routed(TimeInForce.DAY);
        assertThat(early.expiresAt()).isEqualTo(CLOSE);
        assertThat(early.brokerStatus("Cancelled", null, CLOSE.minusSeconds(60)).action()).isEqualTo("order.canceled");
        OrderLifecycle atClose = routed(TimeInForce.DAY);
        assertThat(atClose.brokerStatus("Cancelled", null, CLOSE).action()).isEqualTo("order.expired");
        // IB's clock and whole-second expiries: a cancel a moment before the close is still the expiry.
        OrderLifecycle justBefore = routed(TimeInForce.DAY);
        assertThat(justBefore.brokerStatus("Cancelled", null, CLOSE.minusSeconds(1)).action()).isEqualTo("order.expired");
    }

    @Test
    void modifyConfirmedReplacesTheTerms() {
        OrderLifecycle order = routed(TimeInForce.DAY);
        assertThat(order.modifyRequested(T0).action()).isEqualTo("order.pending_modify");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_MODIFY);
        Transition replaced = order.modifyConfirmed(
                new OrderTerms(new BigDecimal("20"), new BigDecimal("51"), null, TimeInForce.GTC), T0);
        assertThat(replaced.action()).isEqualTo("order.replaced");
        assertThat(order.state()).isEqualTo(OrderState.ROUTED);
        assertThat(order.view().quantity()).isEqualByComparingTo("20");
        assertThat(order.view().limitPrice()).isEqualByComparingTo("51");
        assertThat(order.view().timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.expiresAt()).isNull(); // GTC no longer expires at the close
    }

    @Test
    void modifyRefusedKeepsTheOldTermsWithIbsReason() {
        OrderLifecycle order = routed(TimeInForce.DAY);
        order.modifyRequested(T0);
        Transition refused = order.brokerError(105, "Order being modified does not match original order", T0);
        assertThat(refused.action()).isEqualTo("order.modify_refused");
        assertThat(refused.detail()).startsWith("105:");
        assertThat(order.state()).isEqualTo(OrderState.ROUTED);
        assertThat(order.view().limitPrice()).isEqualByComparingTo("50");
        // IB's answer to the activity arrives after the error: nothing left to do.
        assertThat(order.modifyRefused("105: again", T0).kind()).isEqualTo(Transition.Kind.NONE);
    }

    @Test
    void rejectDuringModifyRefusesTheModifyNotTheOrder() {
        OrderLifecycle order = routed(TimeInForce.DAY);
        order.modifyRequested(T0);
        assertThat(order.brokerError(201, "Order rejected - reason: price", T0).action()).isEqualTo("order.modify_refused");
        assertThat(order.state()).isEqualTo(OrderState.ROUTED);
    }

    @Test
    void fillDuringPendingModifyIsAppliedAndTheConfirmationReturnsToPartiallyFilled() {
        OrderLifecycle order = routed(TimeInForce.DAY);
        order.modifyRequested(T0);
        fill(order, "e1.01", "4", "100");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_MODIFY);
        order.modifyConfirmed(new OrderTerms(null, new BigDecimal("49"), null, null), T0);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.view().filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void inactiveRejectsUnlessHeldForLocate() {
        OrderLifecycle held = routed(TimeInForce.DAY);
        assertThat(held.brokerStatus("Inactive", "locate", T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(held.brokerStatus("Inactive", null, T0).action()).isEqualTo("order.rejected");
        OrderLifecycle partial = routed(TimeInForce.DAY);
        fill(partial, "e1.01", "4", "100");
        assertThat(partial.brokerStatus("Inactive", null, T0).kind()).isEqualTo(Transition.Kind.REFUSED);
    }

    @Test
    void rejectedOrderCancelledByIbStaysRejected() {
        OrderLifecycle order = started(TimeInForce.DAY);
        order.brokerError(201, "Order rejected - reason: no permissions", T0);
        assertThat(order.brokerStatus("Cancelled", null, T0).kind()).isNotEqualTo(Transition.Kind.APPLIED);
        assertThat(order.state()).isEqualTo(OrderState.REJECTED);
    }

    @Test
    void correctionReplacesTheEarlierExecution() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        fill(order, "0001.aa.01.01", "4", "100");
        fill(order, "0001.bb.01.01", "2", "100");
        assertThat(order.offer("0001.aa.01.02", new BigDecimal("5"), new BigDecimal("101"))).isEqualTo(FillBook.Offer.CORRECTION);
        assertThat(order.filled(true, T0).action()).isEqualTo("order.fill_corrected");
        assertThat(order.view().filledQuantity()).isEqualByComparingTo("7");
        assertThat(order.view().avgFillPrice()).isEqualByComparingTo(new BigDecimal("705").divide(new BigDecimal("7"), 8, java.math.RoundingMode.HALF_EVEN));
        // The earlier revision arriving late is stale; the correction again is a duplicate.
        assertThat(order.offer("0001.aa.01.01", new BigDecimal("4"), new BigDecimal("100"))).isEqualTo(FillBook.Offer.DUPLICATE);
        assertThat(order.offer("0001.cc.01.02", new BigDecimal("1"), new BigDecimal("100"))).isEqualTo(FillBook.Offer.NEW);
        assertThat(order.offer("0001.cc.01.01", new BigDecimal("1"), new BigDecimal("100"))).isEqualTo(FillBook.Offer.STALE);
    }

    @Test
    void correctionThatCompletesTheQuantityFillsTheOrder() {
        OrderLifecycle order = routed(TimeInForce.GTC);
        fill(order, "x.01", "9", "100");
        order.offer("x.02", BigDecimal.TEN, new BigDecimal("100"));
        assertThat(order.filled(true, T0).action()).isEqualTo("order.filled");
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void firstReleaseRulesIgnorePendingCancelAndCancelRefusals() {
        OrderLifecycle order = new OrderLifecycle(request(TimeInForce.DAY));
        order.created();
        order.routed(T0);
        assertThat(order.brokerStatus("PendingCancel", null, T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerError(10148, "cannot be cancelled", T0).kind()).isEqualTo(Transition.Kind.NONE);
        assertThat(order.brokerStatus("Cancelled", null, CLOSE.plusSeconds(5)).action()).isEqualTo("order.canceled");
    }

    @Test
    void deniedOnlyBeforeRouting() {
        OrderLifecycle fresh = started(TimeInForce.DAY);
        assertThat(fresh.denied("risk", T0).action()).isEqualTo("order.denied");
        assertThat(fresh.view().rejectReason()).isEqualTo("risk");
        OrderLifecycle working = routed(TimeInForce.DAY);
        assertThat(working.denied("too late", T0).kind()).isEqualTo(Transition.Kind.REFUSED);
    }

    private static Transition fill(OrderLifecycle order, String execId, String qty, String price) {
        FillBook.Offer offer = order.offer(execId, new BigDecimal(qty), new BigDecimal(price));
        assertThat(offer).isIn(FillBook.Offer.NEW, FillBook.Offer.CORRECTION);
        return order.filled(offer == FillBook.Offer.CORRECTION, T0);
    }

    private static OrderLifecycle started(TimeInForce tif) {
        OrderLifecycle order = new OrderLifecycle(request(tif));
        order.applyCurrentRules();
        order.created();
        return order;
    }

    private static OrderLifecycle routed(TimeInForce tif) {
        OrderLifecycle order = started(tif);
        assertThat(order.brokerStatus("Submitted", null, T0).action()).isEqualTo("order.routed");
        return order;
    }

    private static OrderRequest request(TimeInForce tif) {
        return new OrderRequest(new OrderId(UUID.randomUUID()), new TenantId("t1"), new ClientOrderId("c1"), "DU1", "sim",
                "AAPL", Side.BUY, OrderType.LMT, BigDecimal.TEN, new BigDecimal("50"), null, null, null, tif, null, false,
                "tester", T0);
    }
}
