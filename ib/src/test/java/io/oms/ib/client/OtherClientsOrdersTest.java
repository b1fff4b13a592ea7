package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.OpenOrderEnd;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Order ids are per client: what IB says of another client's order 5 (answering reqAllOpenOrders, or reqExecutions
 * for every client, as reconciliation asks) reaches the requester's answer but is never learnt as this session's
 * order 5, so this session's own order 5 keeps its orderRef and its events keep reaching it.
 */
class OtherClientsOrdersTest {
    private static final int US = 7;
    private static final int OTHER = 3;
    private final RecordingListener events = new RecordingListener();
    private final PendingRequests pending = new PendingRequests();
    private final OrderRegistry registry = new OrderRegistry("t", OrderIdStore.inMemory());
    private final InboundHandler handler = new InboundHandler(events, registry, pending, new InboundHandler.SessionCallbacks() {
        @Override public void nextValidId(NextValidId n) {}
        @Override public void notice(IbErrorEvent e) {}
    }, US);

    private static OpenOrder open(int clientId, String orderRef, long permId) {
        return new OpenOrder(5, 1, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "BUY", BigDecimal.TEN, "LMT",
                BigDecimal.ONE, null, "DAY", "DU1", "O", orderRef, clientId, permId, false, "Submitted");
    }

    private static OrderStatus status(int clientId, long permId, String status) {
        return new OrderStatus(5, status, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, permId, 0, BigDecimal.ZERO,
                clientId, null, BigDecimal.ZERO);
    }

    @Test
    void anotherClientsOrderWithOurOrderIdNeitherRenamesOursNorReachesTheListener() {
        handler.handle(open(US, "order/acme/mine", 100L));
        var answer = new PendingRequests.Collector<OpenOrderEvent>();
        pending.openOrders.add(answer);
        handler.handle(open(OTHER, "their-ref", 200L));
        handler.handle(status(OTHER, 200L, "Submitted"));
        handler.handle(new OpenOrderEnd());

        assertThat(answer.future).isCompletedWithValueMatching(rows -> rows.size() == 1
                && rows.getFirst().clientId() == OTHER && "their-ref".equals(rows.getFirst().orderRef()));
        assertThat(events.statuses).isEmpty();
        handler.handle(status(US, 100L, "Cancelled"));
        assertThat(events.statuses).singleElement().satisfies(s -> assertThat(s.orderRef()).isEqualTo("order/acme/mine"));
        assertThat(registry.byRef("order/acme/mine")).hasValueSatisfying(a -> assertThat(a.permId()).isEqualTo(100L));
        assertThat(registry.byRef("their-ref")).isEmpty();
    }

    @Test
    void anotherClientsFillIsDeliveredWithItsOwnRefAndLeavesOurOrderAlone() {
        handler.handle(open(US, "order/acme/mine", 100L));
        handler.handle(new ExecDetails(9, 5, 0, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "x.01",
                "20260302 10:00:00 US/Eastern", "DU1", "ISLAND", "BOT", BigDecimal.TEN, new BigDecimal("1"), 200L, OTHER,
                0, BigDecimal.TEN, new BigDecimal("1"), "their-ref", null, null, null, 1, false));
        assertThat(events.executions).singleElement().satisfies(e -> assertThat(e.orderRef()).isEqualTo("their-ref"));
        handler.handle(status(US, 100L, "Submitted"));
        assertThat(events.statuses).singleElement().satisfies(s -> assertThat(s.orderRef()).isEqualTo("order/acme/mine"));
    }
}
