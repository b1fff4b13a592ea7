package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CancelMktData;
import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqMktData;
import io.oms.ib.msg.ReqOpenOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IB-side connectivity notices on a live socket: 1100 marks the venue down (orders refused, listener told),
 * 1102 marks it up and re-syncs, 1101 also re-sends the market data subscriptions, as does a reconnect.
 * GatewaySimulator cannot emit these notices, so a scripted gateway does.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectivityNoticeTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ReqMktData AAPL = new ReqMktData(5, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", null, false, false);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gateway = new FakeGateway(true);
        IbConnectionConfig cfg = gateway.config("notices", Duration.ofSeconds(2));
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        Await.until(WAIT, "initial sync sent", () -> gateway.received(ReqOpenOrders.class).size() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
    }

    private static ErrorMessage notice(int code, String text) { return new ErrorMessage(-1, code, text, null, 0L); }

    private OrderSpec order(String ref) { return OrderSpec.market(ref, "DU1", "AAPL", "BUY", BigDecimal.ONE); }

    @Test
    void connectivityLostRefusesOrdersUntilRestoredThenResyncs() throws Exception {
        gateway.send(notice(1100, "Connectivity between IB and Trader Workstation has been lost."));
        Await.until(WAIT, "venue down", () -> connector.health().state() == ConnectorState.DOWN);
        assertThat(connector.isReady()).as("the API socket itself is fine").isTrue();
        assertThat(connector.health().venueUp()).isFalse();
        assertThat(connector.placeOrder(order("while-down"))).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IbUnavailableException.class)
                .satisfies(e -> assertThat(((IbUnavailableException) e).state()).isEqualTo(ConnectorState.DOWN));
        // The breaker changes before the listener hears of the notice, so wait for the listener too.
        Await.until(WAIT, "listener told of the notice", () -> !events.connectivity.isEmpty());
        assertThat(events.connectivity).extracting(IbErrorEvent::kind).containsExactly(IbErrorKind.CONNECTIVITY_LOST);
        Await.until(WAIT, "listener told DOWN", () -> events.states().contains(ConnectorState.DOWN));

        gateway.send(notice(1102, "Connectivity between IB and Trader Workstation has been restored - data maintained."));
        Await.until(WAIT, "venue up", () -> connector.health().state() == ConnectorState.UP);
        Await.until(WAIT, "re-sync after the restore", () -> gateway.received(ReqOpenOrders.class).size() == 2);
        connector.placeOrder(order("after-restore"));
        Await.until(WAIT, "the order reaches the wire", () -> gateway.received(PlaceOrder.class).size() == 1);
        assertThat(gateway.received(PlaceOrder.class)).extracting(PlaceOrder::orderRef).containsExactly("after-restore");
        Await.until(WAIT, "listener told UP again", () -> events.lastState() == ConnectorState.UP);
        assertThat(events.states()).containsSubsequence(ConnectorState.UP, ConnectorState.DOWN, ConnectorState.SYNCING,
                ConnectorState.UP);
    }

    @Test
    void dataLostRestoreResendsMarketDataSubscriptionsUntilCancelled() throws Exception {
        connector.requestMarketData(AAPL).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "subscribed", () -> gateway.received(ReqMktData.class).size() == 1);
        gateway.send(notice(1101, "Connectivity between IB and TWS has been restored- data lost."));
        Await.until(WAIT, "resubscribed", () -> gateway.received(ReqMktData.class).size() == 2);
        assertThat(gateway.received(ReqMktData.class).get(1)).isEqualTo(AAPL);

        connector.cancelMarketData(5).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "cancelled at the gateway", () -> gateway.received(CancelMktData.class).size() == 1);
        assertThat(gateway.received(CancelMktData.class)).containsExactly(new CancelMktData(5));
        gateway.send(notice(1101, "restored - data lost"));
        Await.until(WAIT, "second restore handled", () -> events.connectivity.size() == 2);
        assertThat(connector.marketDataSubscriptions()).isEmpty();
        assertThat(gateway.received(ReqMktData.class)).hasSize(2);
    }

    @Test
    void aReconnectResendsMarketDataSubscriptionsOnTheNewSocket() throws Exception {
        connector.requestMarketData(AAPL).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "subscribed", () -> gateway.received(ReqMktData.class).size() == 1);
        gateway.drop();
        Await.until(WAIT, "reconnected", () -> events.ready.size() == 2 && connector.isReady());
        Await.until(WAIT, "resubscribed on the new socket", () -> gateway.received(ReqMktData.class).size() == 2);
    }

    @Test
    void snapshotRequestsAreNotRemembered() throws Exception {
        connector.requestMarketData(new ReqMktData(6, 0, "MSFT", "STK", "SMART", null, "USD", "", true, false))
                .get(5, TimeUnit.SECONDS);
        assertThat(connector.marketDataSubscriptions()).isEmpty();
    }
}
