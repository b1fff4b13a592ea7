package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqOpenOrders;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reconnect after the gateway drops the socket: same client id, nothing sent before nextValidId, and the
 * re-sync recovers what happened meanwhile, so orders placed before the drop are not lost.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ACCT = "DU1234567";

    GatewaySimulator sim;
    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (sim != null) sim.close();
        if (gateway != null) gateway.close();
    }

    private IbConnector connect(int port) {
        IbConnectionConfig cfg = IbConnectionConfig.of("reconnect", "127.0.0.1", port, 7)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        IbConnector c = new IbConnector(cfg, OrderIdStore.inMemory(), events);
        c.start();
        return c;
    }

    @Test
    void ordersPlacedBeforeTheDropAreFilledWhileAwayAndTheirFillsArriveAfterReconnect() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withVolatilityBps(BigDecimal.ZERO));
        sim.start();
        connector = connect(sim.port());
        assertThat(connector.awaitReady(WAIT)).isTrue();
        PlaceAck filledAway = connector.placeOrder(OrderSpec.limit("away-1", ACCT, "AAPL", "BUY", BigDecimal.TEN,
                new BigDecimal("150"), "GTC")).get(5, TimeUnit.SECONDS);
        PlaceAck stillWorking = connector.placeOrder(OrderSpec.limit("away-2", ACCT, "MSFT", "BUY", BigDecimal.ONE,
                new BigDecimal("1"), "GTC")).get(5, TimeUnit.SECONDS);

        sim.dropConnections();
        sim.setPrice("AAPL", new BigDecimal("149")); // fills on the gateway while the client is away
        assertThat(sim.executions()).hasSize(1);

        Await.until(WAIT, "fill and commission recovered", () -> events.executionsOf(filledAway.orderId()).size() == 1
                && events.commissions.size() == 1);
        int readyAgain = events.journal.lastIndexOf("ready");
        assertThat(events.journal.indexOf("lost")).isBetween(0, readyAgain);
        assertThat(events.journal.indexOf("exec:" + filledAway.orderId() + ":" + sim.executions().get(0).execId()))
                .isGreaterThan(readyAgain);
        Await.until(WAIT, "the working order re-reported", () -> events.openOrders.stream()
                .filter(o -> o.orderId() == stillWorking.orderId()).count() >= 2);
        assertThat(events.ready).hasSize(2);
        // The fills arrive during the sync's last step; orders are accepted once its end marker is in.
        Await.until(WAIT, "re-sync done", () -> connector.health().state() == ConnectorState.UP);
        ConnectionMetrics m = connector.metrics();
        assertThat(m.connectCount()).isEqualTo(2);
        assertThat(m.disconnectCount()).isEqualTo(1);
        assertThat(m.lastConnectTime()).isNotNull();
        assertThat(m.ackLatencyP50()).isNotNull();
    }

    @Test
    void requestsOfTheLostSessionFailInsteadOfWaitingForAnAnswerThatCannotCome() throws Exception {
        gateway = new FakeGateway(false); // never answers, so the open-orders request is still pending at the drop
        connector = connect(gateway.port());
        // Ready but never synced (the sync's own request hangs too), so awaitReady would not return.
        Await.until(WAIT, "the session's sync started", () -> gateway.received(ReqOpenOrders.class).size() == 1);
        var openOrders = connector.requestOpenOrders();
        Await.until(WAIT, "request on the wire", () -> gateway.received(ReqOpenOrders.class).size() >= 2);
        gateway.drop();
        assertThat(openOrders).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IbNotConnectedException.class);
    }

    @Test
    void nothingIsSentBeforeNextValidIdAndPlacementIsRefusedUntilThen() throws Exception {
        gateway = new FakeGateway(true);
        gateway.holdNextValidId();
        connector = connect(gateway.port());
        Await.until(WAIT, "socket accepted", () -> gateway.connections() == 1);
        assertThat(connector.awaitReady(Duration.ofMillis(300))).isFalse();
        assertThat(connector.placeOrder(OrderSpec.market("early", "DU1", "AAPL", "BUY", BigDecimal.ONE)))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IbUnavailableException.class);
        assertThat(gateway.received).as("only START_API so far, which is not recorded").isEmpty();
        gateway.releaseNextValidId();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        Await.until(WAIT, "sync after ready", () -> gateway.received(ReqOpenOrders.class).size() == 1
                && gateway.received(ReqCompletedOrders.class).size() == 1 && gateway.received(ReqExecutions.class).size() == 1);
        assertThat(gateway.received(ReqExecutions.class).get(0).filter().clientId()).as("same client id").isEqualTo(7);
    }
}
