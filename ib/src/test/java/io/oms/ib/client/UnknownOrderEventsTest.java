package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CommissionReport;
import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.ExecDetailsEnd;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events for orders this connector did not place (or no longer knows) reach the listener, so the worker
 * can keep them for reconciliation; nothing is swallowed because no request or orderRef claims it.
 */
class UnknownOrderEventsTest {
    private final RecordingListener events = new RecordingListener();
    private final PendingRequests pending = new PendingRequests();
    private final List<IbErrorEvent> notices = new ArrayList<>();
    private final InboundHandler handler = new InboundHandler(events, new OrderRegistry("t", OrderIdStore.inMemory()),
            pending, new InboundHandler.SessionCallbacks() {
                @Override public void nextValidId(NextValidId n) {}
                @Override public void notice(IbErrorEvent e) { notices.add(e); }
            });

    private static ExecDetails exec(int reqId, int orderId, String execId, String orderRef) {
        return new ExecDetails(reqId, orderId, 0, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", execId,
                "20260302 10:00:00 US/Eastern", "DU1", "ISLAND", "BOT", BigDecimal.TEN, new BigDecimal("190.01"), 77L, 7,
                0, BigDecimal.TEN, new BigDecimal("190.01"), orderRef, null, null, null, 1, false);
    }

    private static CommissionReport commission(String execId) {
        return new CommissionReport(execId, BigDecimal.ONE, "USD", null, null, null);
    }

    @Test
    void statusOfAnOrderWithNoKnownOrderRefIsDeliveredWithANullRef() {
        handler.handle(new OrderStatus(42, "Submitted", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, 99L, 0,
                BigDecimal.ZERO, 7, null, BigDecimal.ZERO));
        assertThat(events.statuses).singleElement().satisfies(s -> {
            assertThat(s.orderId()).isEqualTo(42);
            assertThat(s.orderRef()).isNull();
        });
    }

    @Test
    void fillOfAForeignOrderRefIsDeliveredWithItsRef() {
        handler.handle(exec(-1, 42, "e.01", "manual-tws-order"));
        assertThat(events.executions).singleElement().satisfies(e -> assertThat(e.orderRef()).isEqualTo("manual-tws-order"));
    }

    @Test
    void fillsArrivingForATimedOutOrUnknownRequestAreStillDeliveredOnce() {
        handler.handle(exec(123_456, 42, "late.01", "ref-a")); // its request already timed out and was withdrawn
        handler.handle(exec(123_457, 42, "late.01", "ref-a")); // and a later replay of the same fill
        assertThat(events.executions).extracting(ExecutionEvent::execId).containsExactly("late.01");
    }

    @Test
    void fillsReturnedToAnExplicitQueryAlsoReachTheListener() {
        var c = new PendingRequests.Collector<ExecutionEvent>();
        pending.executions.put(5, c);
        handler.handle(exec(5, 42, "q.01", "ref-b"));
        handler.handle(new ExecDetailsEnd(5));
        assertThat(c.future).isCompletedWithValueMatching(rows -> rows.size() == 1);
        assertThat(events.executions).extracting(ExecutionEvent::execId).containsExactly("q.01");
    }

    @Test
    void aCommissionAheadOfItsFillIsHeldAndDeliveredRightAfterTheFill() {
        handler.handle(commission("early.01"));
        assertThat(events.commissions).isEmpty();
        handler.handle(exec(-1, 42, "early.01", "ref-c"));
        assertThat(events.journal).containsExactly("exec:42:early.01", "comm:early.01");
        handler.handle(commission("early.01"));
        assertThat(events.commissions).hasSize(1);
    }

    @Test
    void errorsForUnknownOrderIdsAreDeliveredClassifiedAsOrderErrors() {
        handler.handle(new ErrorMessage(4242, 202, "Order Canceled - reason:", null, 0L));
        assertThat(events.errors).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(IbErrorKind.CANCEL_CONFIRMED);
            assertThat(e.orderRef()).isNull();
        });
        assertThat(events.orderErrors).hasSize(1);
        assertThat(notices).isEmpty();
    }

    @Test
    void connectivityNoticesGoToTheSessionFirstAndThenToTheListener() {
        handler.handle(new ErrorMessage(-1, 1100, "Connectivity between IB and TWS has been lost.", null, 0L));
        assertThat(notices).extracting(IbErrorEvent::kind).containsExactly(IbErrorKind.CONNECTIVITY_LOST);
        assertThat(events.connectivity).extracting(IbErrorEvent::code).containsExactly(1100);
        assertThat(events.orderErrors).isEmpty();
    }
}
