package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimExecution;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The real GatewaySimulator on an ephemeral loopback port with IbConnectors against it, for the fault tests:
 * frozen prices (volatility 0), fast reconnects, and the checks they share ("delivered exactly once").
 */
final class GatewayFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String ACCT = "DU1234567";

    final GatewaySimulator sim;
    private final List<IbConnector> connectors = new ArrayList<>();

    private GatewayFixture(GatewaySimulator sim) { this.sim = sim; }

    /** defaults() with port 0 and volatility 0, then the test's own settings. */
    static GatewayFixture start(UnaryOperator<SimulatorConfig> config) throws Exception {
        GatewaySimulator sim = new GatewaySimulator(config.apply(SimulatorConfig.defaults().withPort(0)
                .withVolatilityBps(BigDecimal.ZERO)));
        sim.start();
        return new GatewayFixture(sim);
    }

    /** A started connector (backoff 20..200 ms) that is not awaited: for sessions that are expected to fail. */
    IbConnector startConnector(String name, int clientId, RecordingListener events, IbClientOptions options,
                               UnaryOperator<IbConnectionConfig> config) {
        IbConnectionConfig cfg = config.apply(IbConnectionConfig.of(name, "127.0.0.1", sim.port(), clientId)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        IbConnector c = new IbConnector(cfg, OrderIdStore.inMemory(), events, options);
        connectors.add(c);
        c.start();
        return c;
    }

    /** A connector whose first session is ready and synced. */
    IbConnector connect(String name, int clientId, RecordingListener events, IbClientOptions options,
                        UnaryOperator<IbConnectionConfig> config) throws InterruptedException {
        IbConnector c = startConnector(name, clientId, events, options, config);
        assertThat(c.awaitReady(WAIT)).as("%s ready", name).isTrue();
        return c;
    }

    IbConnector connect(String name, RecordingListener events) throws InterruptedException {
        return connect(name, 7, events, IbClientOptions.defaults(), UnaryOperator.identity());
    }

    /**
     * Everything the gateway sent this connector before now has been dispatched to its listener: the engine
     * has run what was queued, and a currentTime answer (written after it on the same socket) came back.
     * Messages the simulator holds back on purpose (delays) are not covered.
     */
    void flush(IbConnector c) throws Exception {
        sim.sync();
        c.requestCurrentTime().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the socket and waits until the connector's next session is ready and its re-sync has ended. */
    void dropAndAwaitResync(IbConnector c, RecordingListener events) throws InterruptedException {
        int sessions = events.ready.size() + 1;
        sim.faults().dropConnections();
        Await.until(WAIT, "session " + sessions + " ready and re-synced", () -> events.ready.size() == sessions
                && c.isReady());
    }

    List<SimExecution> executionsOf(String orderRef) {
        return sim.executions().stream().filter(x -> orderRef.equals(x.orderRef())).toList();
    }

    /** The gateway's executions of these orders, every version (corrections included). */
    List<String> execIdsMadeFor(List<String> orderRefs) {
        return sim.executions().stream().filter(x -> orderRefs.contains(x.orderRef())).map(SimExecution::execId).toList();
    }

    boolean filledAtGateway(String orderRef) {
        return sim.orders().stream().anyMatch(o -> orderRef.equals(o.orderRef()) && "Filled".equals(o.status()));
    }

    /** Each exec id the listener got for these orders, with how often it got it. */
    static Map<String, Long> deliveredExecCounts(RecordingListener events, List<String> orderRefs) {
        return counts(events.executions.stream().filter(e -> orderRefs.contains(e.orderRef())).toList(),
                ExecutionEvent::execId);
    }

    static Map<String, Long> deliveredCommissionCounts(RecordingListener events) {
        return counts(events.commissions, CommissionEvent::execId);
    }

    /**
     * The listener got exactly the executions the gateway made for these orders (every version of a corrected
     * one: both are real messages), each exactly once, and one commission for each of them.
     */
    void assertDeliveredExactlyOnce(RecordingListener events, List<String> orderRefs) {
        List<String> made = execIdsMadeFor(orderRefs);
        assertThat(made).as("the gateway made executions").isNotEmpty();
        Map<String, Long> execs = deliveredExecCounts(events, orderRefs);
        assertThat(execs.keySet()).as("executions delivered vs made").containsExactlyInAnyOrderElementsOf(made);
        assertThat(execs).as("each execution delivered once").allSatisfy((id, n) -> assertThat(n).isOne());
        Map<String, Long> commissions = deliveredCommissionCounts(events);
        assertThat(commissions).as("each commission delivered once").allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(commissions.keySet()).as("a commission for every execution").containsAll(made);
    }

    static <T> Map<String, Long> counts(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Override
    public void close() {
        connectors.forEach(IbConnector::close);
        sim.close();
    }
}
