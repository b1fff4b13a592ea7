package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CancelOrder;
import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqGlobalCancel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On a real socket every message is paced, and cancels (and the global cancel) overtake waiting new orders. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PacedWireOrderTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (gateway != null) gateway.close();
    }

    @Test
    void cancelsOvertakeQueuedOrdersAndTheRateHoldsOnTheWire() throws Exception {
        gateway = new FakeGateway(true);
        connector = new IbConnector(IbConnectionConfig.of("paced", "127.0.0.1", gateway.port(), 7), OrderIdStore.inMemory(),
                new IbEventListener() {}, IbClientOptions.defaults().withPacing(5, 1));
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        Await.until(WAIT, "initial sync sent", () -> gateway.received(ReqExecutions.class).size() == 1);

        long start = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            connector.placeOrder(OrderSpec.market("p" + i, "DU1", "AAPL", "BUY", BigDecimal.ONE));
        }
        Await.until(WAIT, "orders queued", () -> connector.metrics().outboundQueued() >= 2);
        connector.cancelOrder(1);
        connector.cancelAllOrders();
        Await.until(WAIT, "all on the wire", () -> gateway.received(PlaceOrder.class).size() == 3
                && gateway.received(CancelOrder.class).size() == 1 && gateway.received(ReqGlobalCancel.class).size() == 1);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        List<ClientMessage> wire = gateway.received;
        int cancel = wire.indexOf(new CancelOrder(1, null));
        int global = wire.indexOf(new ReqGlobalCancel());
        List<Integer> places = gateway.received(PlaceOrder.class).stream().map(wire::indexOf).toList();
        assertThat(cancel).isLessThan(places.get(1));
        assertThat(global).isLessThan(places.get(1));
        assertThat(gateway.received(PlaceOrder.class)).extracting(PlaceOrder::orderRef).containsExactly("p1", "p2", "p3");
        // Five messages at 5/s with a burst of one need at least four token intervals (800 ms).
        assertThat(elapsedMs).isGreaterThanOrEqualTo(700);
    }
}
