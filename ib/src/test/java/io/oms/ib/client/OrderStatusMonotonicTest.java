package io.oms.ib.client;

import static io.oms.ib.client.CompletedOrdersResyncTest.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status the connector keeps per orderRef (findByOrderRef) only moves forward, by IB's status order and
 * the filled quantity, whatever order duplicate and reordered messages arrive in; every message still
 * reaches the listener. Scripted through the inbound handler, message by message.
 */
class OrderStatusMonotonicTest {
    private static final int ID = 21;
    private static final long PERM = 2_021L;

    private final RecordingListener events = new RecordingListener();
    private final OrderRegistry orders = new OrderRegistry("t", OrderIdStore.inMemory());
    private final InboundHandler handler = new InboundHandler(events, orders, new PendingRequests(),
            new InboundHandler.SessionCallbacks() {
                @Override public void nextValidId(NextValidId n) {}
                @Override public void notice(IbErrorEvent e) {}
            });

    @BeforeEach
    void place() { orders.register(ID, "ref", new CompletableFuture<>()); }

    private void status(String status, int filled) {
        handler.handle(new OrderStatus(ID, status, BigDecimal.valueOf(filled), BigDecimal.valueOf(300 - filled),
                BigDecimal.ZERO, PERM, 0, BigDecimal.ZERO, 7, null, BigDecimal.ZERO));
    }

    private void openOrder(String status) {
        handler.handle(new OpenOrder(ID, 1, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "BUY", BigDecimal.valueOf(300),
                "MKT", null, null, "DAY", "DU1", "O", "ref", 7, PERM, false, status, null, null, null));
    }

    private void execution(String execId, int cumQty) {
        handler.handle(new ExecDetails(-1, ID, 1, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", execId,
                "20260302 10:00:00 US/Eastern", "DU1", "ISLAND", "BOT", BigDecimal.valueOf(100), new BigDecimal("190.01"),
                PERM, 7, 0, BigDecimal.valueOf(cumQty), new BigDecimal("190.01"), "ref", null, null, null, 1, false));
    }

    private String known() { return orders.byRef("ref").orElseThrow().status(); }

    @Test
    void aStatusEarlierInIbsOrderArrivingLateIsIgnored() {
        status("Submitted", 0);
        status("PreSubmitted", 0);
        assertThat(known()).isEqualTo("Submitted");
        status("PendingCancel", 0);
        status("Submitted", 0);
        assertThat(known()).isEqualTo("PendingCancel");
        assertThat(events.statuses).as("every message still reaches the listener").hasSize(4);
    }

    @Test
    void terminalStatusesAreFinal() {
        status("Filled", 300);
        status("Submitted", 200);
        status("PendingCancel", 300);
        status("Cancelled", 300);
        openOrder("Submitted");
        assertThat(known()).isEqualTo("Filled");
    }

    @Test
    void theFirstTerminalStatusWinsAndACompletedOrderCannotReopenIt() {
        status("Cancelled", 100);
        handler.handle(completed(PERM, "ref", "Filled", "300", "Filled Size: 300"));
        assertThat(known()).isEqualTo("Cancelled");
    }

    @Test
    void aReportOfLessFilledThanKnownIsOlderEvenInALaterState() {
        status("Submitted", 200);
        status("PendingCancel", 100); // the cancel request of a moment ago, overtaken by a fill
        assertThat(known()).isEqualTo("Submitted");
    }

    @Test
    void aReportOfMoreFilledIsNewerEvenInAnEarlierStateAsWhenACancelIsRefusedAndTheOrderFillsOn() {
        status("PendingCancel", 100);
        status("Submitted", 200);
        assertThat(known()).isEqualTo("Submitted");
    }

    @Test
    void anExecutionsCumulativeQuantityCountsAsKnownFilled() {
        status("Submitted", 0);
        execution("0001.01", 100);
        execution("0002.01", 200);
        status("PendingCancel", 100); // sent before the second fill
        assertThat(known()).isEqualTo("Submitted");
    }

    @Test
    void equalStatusesAreIdempotentAndTheOpenOrderStatusFollowsTheSameRule() {
        status("Submitted", 100);
        status("Submitted", 100);
        openOrder("PreSubmitted");
        assertThat(known()).isEqualTo("Submitted");
        openOrder("Filled");
        assertThat(known()).isEqualTo("Filled");
    }

    @Test
    void inactiveIsNotOrderedItMayFollowOrPrecedeAWorkingStatus() {
        openOrder("Inactive"); // transmit=false: held in TWS
        status("PreSubmitted", 0); // transmitted later
        assertThat(known()).isEqualTo("PreSubmitted");
        status("Inactive", 0); // then deactivated (e.g. a reject after acceptance)
        assertThat(known()).isEqualTo("Inactive");
    }

    @Test
    void statusesOutsideIbsOrderApplyUnlessTheOrderIsFinished() {
        status("Submitted", 0);
        status("WarnState", 0);
        assertThat(known()).isEqualTo("WarnState");
        status("Filled", 300);
        status("Unknown", 300);
        assertThat(known()).isEqualTo("Filled");
    }

    @Test
    void aRejectedPlacementStaysRejected() {
        assertThat(orders.reject(ID, 201, "Order rejected")).isTrue();
        status("Inactive", 0);
        openOrder("PreSubmitted");
        assertThat(orders.byRef("ref")).hasValueSatisfying(a -> {
            assertThat(a.rejected()).isTrue();
            assertThat(a.status()).isEqualTo("Rejected");
        });
    }
}
