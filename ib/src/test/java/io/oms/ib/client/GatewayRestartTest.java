package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway restart (a new simulator on the same port, with its id sequence reset to 1): the connector
 * reconnects by itself and its order ids keep rising above everything used before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayRestartTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ACCT = "DU1234567";

    GatewaySimulator sim;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();
    final OrderIdStore store = OrderIdStore.inMemory();

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    private static GatewaySimulator simulator(int port) throws Exception {
        GatewaySimulator s = new GatewaySimulator(SimulatorConfig.defaults().withPort(port).withVolatilityBps(BigDecimal.ZERO));
        s.start();
        return s;
    }

    private int place(String ref) throws Exception {
        PlaceAck ack = connector.placeOrder(OrderSpec.market(ref, ACCT, "AAPL", "BUY", BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).as("%s rejected: %s", ref, ack.errorMessage()).isFalse();
        return ack.orderId();
    }

    @Test
    void reconnectsToTheRestartedGatewayOnTheSamePortAndIdsNeverGoBackwards() throws Exception {
        sim = simulator(0);
        int port = sim.port();
        connector = new IbConnector(IbConnectionConfig.of("restart", "127.0.0.1", port, 7)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)), store, events);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        int before = Math.max(place("r-1"), place("r-2"));

        sim.close();
        Await.until(WAIT, "session lost", () -> !connector.isReady());
        Thread.sleep(300); // a few reconnect attempts against a closed port
        sim = simulator(port);
        Await.until(WAIT, "reconnected to the new gateway", () -> events.ready.size() == 2 && connector.isReady());

        assertThat(events.ready.get(1).nextValidId()).as("the restarted gateway's sequence was reset").isEqualTo(1);
        int after = place("r-3");
        assertThat(after).isGreaterThan(before);
        assertThat(place("r-4")).isGreaterThan(after);
        assertThat(store.loadHighWater("restart")).isGreaterThan(after);
        assertThat(connector.metrics().connectCount()).isEqualTo(2);
    }
}
