package io.oms.ib.client;

import static io.oms.ib.client.CompletedOrdersResyncTest.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CompletedOrdersEnd;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * completedOrder carries no order id: it is matched to a known order by permId first, then by orderRef (but
 * not to an order of that ref that already has another permId), and delivered whether it matches or not.
 */
class CompletedOrderMatchingTest {
    private final RecordingListener events = new RecordingListener();
    private final OrderRegistry orders = new OrderRegistry("t", OrderIdStore.inMemory());
    private final PendingRequests pending = new PendingRequests();
    private final InboundHandler handler = new InboundHandler(events, orders, pending, new InboundHandler.SessionCallbacks() {
        @Override public void nextValidId(NextValidId n) {}
        @Override public void notice(IbErrorEvent e) {}
    });

    private CompletableFuture<PlaceAck> placed(int id, String ref) {
        CompletableFuture<PlaceAck> ack = new CompletableFuture<>();
        orders.register(id, ref, ack);
        return ack;
    }

    private void acknowledged(int id, long permId) {
        handler.handle(new OrderStatus(id, "Submitted", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, permId, 0,
                BigDecimal.ZERO, 7, null, BigDecimal.ZERO));
    }

    @Test
    void thePermIdWinsOverAnOrderRefThatNamesAnotherOrder() {
        placed(10, "ref-a");
        acknowledged(10, 1010L);
        placed(11, "ref-b");
        acknowledged(11, 1011L);
        handler.handle(completed(1011L, "ref-a", "Cancelled", "0", "Cancelled"));
        assertThat(events.completed).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(11);
            assertThat(c.orderRef()).isEqualTo("ref-a");
        });
    }

    @Test
    void anOrderNeverAcknowledgedIsMatchedByOrderRefAndItsWaitingPlacementCompleted() {
        CompletableFuture<PlaceAck> ack = placed(12, "lost-ack");
        handler.handle(completed(1012L, "lost-ack", "Inactive", "0", "Rejected"));
        assertThat(events.completed).singleElement().satisfies(c -> assertThat(c.orderId()).isEqualTo(12));
        assertThat(ack).isCompletedWithValueMatching(a -> a.permId() == 1012L && "Inactive".equals(a.status()));
        assertThat(orders.byRef("lost-ack")).hasValueSatisfying(a -> assertThat(a.permId()).isEqualTo(1012L));
    }

    @Test
    void anOrderRefWhoseOrderHasAnotherPermIdIsADifferentOrder() {
        placed(13, "reused");
        acknowledged(13, 1013L);
        handler.handle(completed(5555L, "reused", "Filled", "10", "Filled Size: 10"));
        assertThat(events.completed).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isZero();
            assertThat(c.orderRef()).isEqualTo("reused");
        });
        assertThat(orders.byRef("reused")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("Submitted"));
    }

    @Test
    void rowsAnswerTheOldestWaitingRequestAndAlsoReachTheListener() {
        var c = new PendingRequests.Collector<CompletedOrderEvent>();
        pending.completedOrders.add(c);
        handler.handle(completed(1L, "x", "Filled", "1", "Filled Size: 1"));
        handler.handle(completed(2L, null, "Cancelled", "0", "Cancelled"));
        handler.handle(new CompletedOrdersEnd());
        assertThat(c.future).isCompletedWithValueMatching(rows -> rows.size() == 2 && rows.get(1).orderRef() == null);
        assertThat(events.completed).hasSize(2);
        assertThat(pending.completedOrders).isEmpty();
    }

    @Test
    void anOrderThisSessionNeverKnewIsFoundByItsOrderRefWithoutAnOrderId() {
        handler.handle(completed(1020L, "placed-by-a-dead-worker", "Cancelled", "0", "Cancelled"));
        assertThat(orders.byRef("placed-by-a-dead-worker")).hasValueSatisfying(a -> {
            assertThat(a.orderId()).isZero();
            assertThat(a.permId()).isEqualTo(1020L);
            assertThat(a.status()).isEqualTo("Cancelled");
        });
    }

    @Test
    void anOrderIdLearnedLaterReplacesTheUnknownOne() {
        handler.handle(completed(1021L, "learned-later", "Filled", "10", "Filled Size: 10"));
        handler.handle(new OrderStatus(21, "Filled", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ONE, 1021L, 0,
                BigDecimal.ONE, 7, null, BigDecimal.ZERO));
        orders.learn(21, "learned-later", 1021L, "Filled");
        assertThat(orders.byRef("learned-later")).hasValueSatisfying(a -> {
            assertThat(a.orderId()).isEqualTo(21);
            assertThat(a.status()).isEqualTo("Filled");
        });
    }
}
