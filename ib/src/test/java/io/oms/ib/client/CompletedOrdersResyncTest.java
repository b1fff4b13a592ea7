package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.CompletedOrder;
import io.oms.ib.msg.OrderStatus;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqOpenOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every (re)connect asks for today's completed orders between open orders and executions (§3.6), and what
 * comes back reaches the listener matched to our orders, so terminal states reached while the connector
 * was away (cancelled or filled during a disconnect) are learned. Scripted with FakeGateway.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompletedOrdersResyncTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gateway = new FakeGateway(true);
        IbConnectionConfig cfg = gateway.config("completed", Duration.ofSeconds(5));
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
    }

    static CompletedOrder completed(long permId, String orderRef, String status, String filled, String text) {
        return new CompletedOrder(265598, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "BUY", BigDecimal.TEN, "LMT",
                new BigDecimal("150.25"), null, "DAY", "DU1", "O", orderRef, permId, null, false, null, null, null,
                status, new BigDecimal(filled), "20260302 15:59:01 America/New_York", text);
    }

    /** Places an order and has the gateway acknowledge it under the given permId. */
    private int placeAcknowledged(String ref, long permId) throws Exception {
        var ack = connector.placeOrder(OrderSpec.limit(ref, "DU1", "AAPL", "BUY", BigDecimal.TEN, new BigDecimal("150.25"), "DAY"));
        Await.until(WAIT, ref + " on the wire", () -> gateway.received(PlaceOrder.class).stream().anyMatch(p -> ref.equals(p.orderRef())));
        int id = gateway.received(PlaceOrder.class).stream().filter(p -> ref.equals(p.orderRef())).findFirst().orElseThrow().orderId();
        gateway.send(new OrderStatus(id, "Submitted", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, permId, 0,
                BigDecimal.ZERO, 7, null, BigDecimal.ZERO));
        assertThat(ack.get(5, TimeUnit.SECONDS).permId()).isEqualTo(permId);
        return id;
    }

    private void reconnect(int sessions) throws Exception {
        gateway.drop();
        Await.until(WAIT, "session " + sessions + " ready and synced", () -> events.ready.size() == sessions && connector.isReady());
    }

    @Test
    void everyReconnectRequestsCompletedOrdersOfAllClientsAfterOpenOrdersAndBeforeExecutions() throws Exception {
        reconnect(2);
        reconnect(3);
        List<String> syncRequests = gateway.received.stream()
                .filter(m -> m instanceof ReqOpenOrders || m instanceof ReqCompletedOrders || m instanceof ReqExecutions)
                .map(ClientMessage::getClass).map(Class::getSimpleName).toList();
        assertThat(syncRequests).containsExactly(
                "ReqOpenOrders", "ReqCompletedOrders", "ReqExecutions",
                "ReqOpenOrders", "ReqCompletedOrders", "ReqExecutions",
                "ReqOpenOrders", "ReqCompletedOrders", "ReqExecutions");
        assertThat(gateway.received(ReqCompletedOrders.class)).allSatisfy(r -> assertThat(r.apiOnly()).isFalse());
    }

    @Test
    void ordersThatEndedWhileAwayAreDeliveredAfterTheReconnectMatchedToOurOrders() throws Exception {
        int cancelledId = placeAcknowledged("away-cancelled", 9001L);
        int filledId = placeAcknowledged("away-filled", 9002L);
        gateway.completedOrders.add(completed(9001L, "away-cancelled", "Cancelled", "0", "Cancelled by Trader"));
        gateway.completedOrders.add(completed(9002L, null, "Filled", "10", "Filled Size: 10")); // no orderRef: permId decides
        gateway.completedOrders.add(completed(7777L, "tws-manual", "Filled", "10", "Filled Size: 10"));

        reconnect(2);

        assertThat(events.completed).hasSize(3);
        assertThat(events.journal.indexOf("completed:9001:Cancelled")).isGreaterThan(events.journal.lastIndexOf("ready"));
        CompletedOrderEvent cancelled = events.completed.get(0);
        assertThat(cancelled.orderId()).isEqualTo(cancelledId);
        assertThat(cancelled.orderRef()).isEqualTo("away-cancelled");
        assertThat(cancelled.completedStatus()).isEqualTo("Cancelled by Trader");
        assertThat(cancelled.completedAt()).isEqualTo(Instant.parse("2026-03-02T20:59:01Z"));
        assertThat(cancelled.limitPrice()).isEqualTo(new BigDecimal("150.25"));
        CompletedOrderEvent filled = events.completed.get(1);
        assertThat(filled.orderId()).isEqualTo(filledId);
        assertThat(filled.orderRef()).as("resolved from the permId").isEqualTo("away-filled");
        assertThat(filled.filledQuantity()).isEqualTo(new BigDecimal("10"));
        CompletedOrderEvent foreign = events.completed.get(2);
        assertThat(foreign.orderId()).as("not ours").isZero();
        assertThat(foreign.orderRef()).isEqualTo("tws-manual");

        assertThat(connector.findByOrderRef("away-cancelled")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("Cancelled"));
        assertThat(connector.findByOrderRef("away-filled")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("Filled"));
    }

    @Test
    void requestCompletedOrdersReturnsTodaysFinishedOrdersAndPassesApiOnly() throws Exception {
        gateway.completedOrders.add(completed(4242L, "done-1", "Filled", "10", "Filled Size: 10"));
        List<CompletedOrderEvent> rows = connector.requestCompletedOrders(true).get(5, TimeUnit.SECONDS);
        assertThat(rows).extracting(CompletedOrderEvent::permId, CompletedOrderEvent::status)
                .containsExactly(Tuple.tuple(4242L, "Filled"));
        assertThat(gateway.received(ReqCompletedOrders.class)).last().satisfies(r -> assertThat(r.apiOnly()).isTrue());
        Await.until(WAIT, "also delivered to the listener", () -> events.completed.size() == 1);
    }
}
