package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ReqMktData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IB loses its own link (1100) while a market order is filling, with the API socket up: placement is refused
 * with IbUnavailableException, the fills made meanwhile (which IB does not report live) arrive after the
 * restore through the re-sync, each once, and market data is re-requested after 1101 (data lost) but not
 * after 1102 (data maintained). Against the real simulator.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutageDuringFillsTest {
    static final ReqMktData AAPL = new ReqMktData(5, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", null, false, false);
    static final String REF = "filling-through-outage";

    GatewayFixture gw;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        // 1,000 shares in slices of 100, one every 100 ms: most of the order fills during the outage.
        gw = GatewayFixture.start(c -> c.withSliceDelay(Duration.ofMillis(100)));
        connector = gw.connect("outage", events);
        connector.requestMarketData(AAPL).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "subscribed", () -> gw.sim.marketDataSubscriptions() == 1 && events.marketDataTypes.size() == 1);
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    private long dataTypeAnswers() { return events.marketDataTypes.stream().filter("5/1"::equals).count(); }

    /** Places the order, cuts IB's link after its first fill and waits until the gateway has filled it all. */
    private PlaceAck fillThroughAnOutage() throws Exception {
        PlaceAck ack = connector.placeOrder(OrderSpec.market(REF, ACCT, "AAPL", "BUY", BigDecimal.valueOf(1_000)))
                .get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "the first fill", () -> !events.executionsOf(ack.orderId()).isEmpty());
        gw.sim.faults().connectivityLost();
        Await.until(WAIT, "1100 applied", () -> connector.health().state() == ConnectorState.DOWN
                && events.connectivity.size() == 1);
        assertThat(events.connectivity.get(0).kind()).isEqualTo(IbErrorKind.CONNECTIVITY_LOST);
        assertThat(connector.isReady()).as("the API socket itself stays up").isTrue();

        assertThat(connector.placeOrder(OrderSpec.market("during-outage", ACCT, "AAPL", "BUY", BigDecimal.ONE)))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(IbUnavailableException.class,
                        e -> assertThat(e.state()).isEqualTo(ConnectorState.DOWN));

        Await.until(WAIT, "the gateway filled the rest during the outage", () -> gw.filledAtGateway(REF));
        gw.flush(connector);
        int made = gw.executionsOf(REF).size();
        assertThat(made).isEqualTo(10);
        assertThat(events.executionsOf(ack.orderId()).size()).as("fills during the outage are not reported live")
                .isLessThan(made);
        assertThat(gw.sim.orders()).extracting(o -> o.orderRef()).doesNotContain("during-outage");
        return ack;
    }

    private void assertRecovered(PlaceAck ack) throws Exception {
        Await.until(WAIT, "re-synced after the restore", () -> connector.health().state() == ConnectorState.UP);
        assertThat(events.executionsOf(ack.orderId())).hasSize(10);
        gw.assertDeliveredExactlyOnce(events, List.of(REF));
        assertThat(connector.findByOrderRef(REF)).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("Filled"));
        assertThat(events.ready).as("no reconnect was needed").hasSize(1);
        assertThat(connector.placeOrder(OrderSpec.market("after-restore", ACCT, "AAPL", "BUY", BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS).rejected()).isFalse();
        assertThat(events.states()).containsSubsequence(ConnectorState.UP, ConnectorState.DOWN, ConnectorState.SYNCING,
                ConnectorState.UP);
    }

    @Test
    void restoredWithDataLostTheOutagesFillsArriveOnceAndMarketDataIsRequestedAgain() throws Exception {
        PlaceAck ack = fillThroughAnOutage();
        gw.sim.faults().connectivityRestored(true); // IB forgets every subscription

        Await.until(WAIT, "re-subscribed", () -> gw.sim.marketDataSubscriptions() == 1 && dataTypeAnswers() == 2);
        assertThat(events.connectivity).extracting(IbErrorEvent::kind)
                .containsExactly(IbErrorKind.CONNECTIVITY_LOST, IbErrorKind.CONNECTIVITY_RESTORED_DATA_LOST);
        assertRecovered(ack);
        assertThat(events.errors).as("no duplicate ticker id").noneMatch(e -> e.code() == 102);
    }

    @Test
    void restoredWithDataMaintainedTheOutagesFillsArriveOnceAndMarketDataIsNotRequestedAgain() throws Exception {
        PlaceAck ack = fillThroughAnOutage();
        gw.sim.faults().connectivityRestored(false);

        assertRecovered(ack);
        gw.flush(connector);
        assertThat(events.connectivity).extracting(IbErrorEvent::kind)
                .containsExactly(IbErrorKind.CONNECTIVITY_LOST, IbErrorKind.CONNECTIVITY_RESTORED);
        assertThat(gw.sim.marketDataSubscriptions()).isEqualTo(1);
        assertThat(dataTypeAnswers()).as("the subscription was kept, not requested again").isEqualTo(1);
        assertThat(events.errors).as("no duplicate ticker id").noneMatch(e -> e.code() == 102);
    }
}
