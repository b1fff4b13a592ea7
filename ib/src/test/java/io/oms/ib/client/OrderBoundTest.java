package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.OrderBound;
import io.oms.ib.msg.PlaceOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * orderBound (a TWS order bound to our API client) reaches the listener, and the connector learns from it:
 * its order id is taken on our client id, and its permId identifies it when it completes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrderBoundTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (gateway != null) gateway.close();
    }

    @Test
    void orderBoundReachesTheListenerAndItsIdAndPermIdAreLearned() throws Exception {
        gateway = new FakeGateway(true);
        connector = new IbConnector(IbConnectionConfig.of("bound", "127.0.0.1", gateway.port(), 7), OrderIdStore.inMemory(), events);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();

        gateway.send(new OrderBound(123_456_789_012L, 7, 40));
        Await.until(WAIT, "orderBound delivered", () -> events.bound.size() == 1);
        assertThat(events.bound).containsExactly("123456789012/7/40");

        connector.placeOrder(OrderSpec.market("next", "DU1", "AAPL", "BUY", BigDecimal.ONE));
        Await.until(WAIT, "placed", () -> gateway.received(PlaceOrder.class).size() == 1);
        assertThat(gateway.received(PlaceOrder.class).get(0).orderId()).as("above the bound order's id").isEqualTo(41);

        gateway.completedOrders.add(CompletedOrdersResyncTest.completed(123_456_789_012L, null, "Filled", "10", "Filled Size: 10"));
        List<CompletedOrderEvent> rows = connector.requestCompletedOrders(false).get(5, TimeUnit.SECONDS);
        assertThat(rows).singleElement().satisfies(c -> assertThat(c.orderId()).as("matched by permId").isEqualTo(40));
    }
}
