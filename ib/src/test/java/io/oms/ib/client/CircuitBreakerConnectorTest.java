package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * placeOrder fails fast with IbUnavailableException, sending nothing, while the gateway is down or the
 * session flaps, and works again once the breaker closes. Cancels are never refused by the breaker.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CircuitBreakerConnectorTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ACCT = "DU1234567";

    GatewaySimulator sim;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

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

    private void connect(IbClientOptions options) throws Exception {
        connector = new IbConnector(IbConnectionConfig.of("breaker", "127.0.0.1", sim.port(), 7)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)), OrderIdStore.inMemory(), events, options);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
    }

    private CompletableFuture<PlaceAck> place(String ref) {
        return connector.placeOrder(OrderSpec.market(ref, ACCT, "AAPL", "BUY", BigDecimal.ONE));
    }

    private static void assertRefused(CompletableFuture<PlaceAck> f, ConnectorState state) {
        assertThat(f).failsWithin(Duration.ofMillis(200)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(IbUnavailableException.class,
                        e -> assertThat(e.state()).isEqualTo(state));
    }

    @Test
    void refusesPlacementAtOnceWhileTheGatewayIsDownAndAcceptsAgainAfterItReturns() throws Exception {
        sim = simulator(0);
        int port = sim.port();
        connect(IbClientOptions.defaults());
        sim.close();
        Await.until(WAIT, "breaker down", () -> connector.health().state() == ConnectorState.DOWN);
        assertRefused(place("while-down"), ConnectorState.DOWN);
        assertThat(connector.findByOrderRef("while-down")).isEmpty();

        sim = simulator(port);
        Await.until(WAIT, "breaker up", () -> connector.health().state() == ConnectorState.UP);
        assertThat(place("after").get(5, TimeUnit.SECONDS).rejected()).isFalse();
        Await.until(WAIT, "the order filled at the new gateway", () -> sim.executions().size() == 1);
        assertThat(sim.executions()).extracting(x -> x.orderRef()).containsExactly("after");
        assertThat(events.states()).as("journal %s", events.journal)
                .containsSubsequence(ConnectorState.UP, ConnectorState.DOWN, ConnectorState.UP);
    }

    @Test
    void aFlappingSessionOpensTheBreakerThenHalfOpensAndASuccessfulOrderClosesIt() throws Exception {
        sim = simulator(0);
        connect(IbClientOptions.defaults().withCircuitBreaker(2, Duration.ofSeconds(30), Duration.ofMillis(800)));
        for (int drop = 1; drop <= 2; drop++) {
            sim.dropConnections();
            int sessions = drop + 1;
            Await.until(WAIT, "session " + sessions, () -> events.ready.size() == sessions && connector.isReady());
        }
        assertThat(connector.health().state()).isEqualTo(ConnectorState.OPEN);
        assertThat(connector.health().recentDisconnects()).isEqualTo(2);
        assertRefused(place("while-open"), ConnectorState.OPEN);

        connector.cancelOrder(9_999).get(5, TimeUnit.SECONDS); // reducing risk is never refused
        Await.until(WAIT, "cancel answered", () -> events.errors.stream().anyMatch(e -> e.code() == 10147));

        // Time alone moves OPEN to HALF_OPEN; the listener hears of it from the connector's timer.
        Await.until(WAIT, "listener told HALF_OPEN", () -> events.states().contains(ConnectorState.HALF_OPEN));
        assertThat(connector.health().state()).isEqualTo(ConnectorState.HALF_OPEN);
        assertThat(place("trial").get(5, TimeUnit.SECONDS).rejected()).isFalse();
        assertThat(connector.health().state()).isEqualTo(ConnectorState.UP);
        Await.until(WAIT, "the trial order filled", () -> sim.executions().size() == 1);
        assertThat(sim.executions()).extracting(x -> x.orderRef()).containsExactly("trial");
        Await.until(WAIT, "listener told UP", () -> events.lastState() == ConnectorState.UP);
        assertThat(events.states()).containsSubsequence(ConnectorState.OPEN, ConnectorState.HALF_OPEN, ConnectorState.UP);
    }
}
