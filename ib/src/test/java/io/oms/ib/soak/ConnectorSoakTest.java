package io.oms.ib.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.IbClientOptions;
import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbErrorEvent;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.IbUnavailableException;
import io.oms.ib.client.OrderIdStore;
import io.oms.ib.client.OrderSpec;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimExecution;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of orders through the connector while the simulated gateway misbehaves, then one question: did
 * the connector deliver exactly the executions the gateway made, each once? {@code ./oms test} runs a short
 * form; the full soak is {@code mvn -pl ib test -Dtest=ConnectorSoakTest -Doms.soak.orders=3000}, and
 * {@code -Doms.soak.seed=N} replays a failing run (the seed is logged).
 */
class ConnectorSoakTest {
    private static final Logger log = LoggerFactory.getLogger(ConnectorSoakTest.class);
    private static final int ORDERS = Integer.getInteger("oms.soak.orders", 500);
    private static final long SEED = Long.getLong("oms.soak.seed", 20261124L);
    private static final int FAULT_EVERY = 40;
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "IBM"};

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, ExecutionEvent> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger duplicateIdRejects = new AtomicInteger();
    private GatewaySimulator sim;
    private IbConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    @Test
    void everyExecutionTheGatewayMadeIsDeliveredExactlyOnceThroughRandomFaults() throws Exception {
        log.info("soak: {} orders, seed {}", ORDERS, SEED);
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withSeed(SEED)
                .withTickInterval(Duration.ofMillis(20)).withSliceDelay(Duration.ofMillis(5)).withCloseTime(null));
        sim.start();
        connector = new IbConnector(IbConnectionConfig.of("soak", "127.0.0.1", sim.port(), 5)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200)), OrderIdStore.inMemory(), new Recorder(),
                IbClientOptions.defaults().withoutPacing()
                        .withCircuitBreaker(1_000, Duration.ofMinutes(1), Duration.ofMillis(100)));
        connector.start();
        assertThat(connector.awaitReady(Duration.ofSeconds(10))).isTrue();

        SoakFaults faults = new SoakFaults(sim, SEED);
        faults.startBackgroundFaults();
        Random random = new Random(SEED);
        int placed = 0, refused = 0, unknown = 0;
        for (int i = 0; i < ORDERS; i++) {
            if (i > 0 && i % FAULT_EVERY == 0) {
                log.debug("soak fault at order {}: {}", i, faults.injectOne());
            }
            switch (place(orderFor(i, random))) {
                case PLACED -> placed++;
                case REFUSED -> refused++;
                case UNKNOWN -> unknown++;
            }
        }
        faults.stop();
        assertThat(connector.awaitReady(Duration.ofSeconds(10))).isTrue();
        connector.cancelAllOrders().get(10, TimeUnit.SECONDS);
        log.info("soak: {} placed, {} refused while IB was away, {} outcome unknown, {} faults", placed, refused,
                unknown, faults.injected());

        Map<String, SimExecution> made = awaitDeliveredMatchesGateway(Duration.ofSeconds(30));
        log.info("soak: gateway made {} executions, connector delivered {}", made.size(), delivered.size());
        Map<String, String> expected = latestIds(made.keySet());
        Map<String, String> actual = latestIds(delivered.keySet());
        assertThat(difference(expected, actual)).as("fills the gateway made that were not delivered (latest correction)")
                .isEmpty();
        assertThat(difference(actual, expected)).as("fills delivered that the gateway did not make").isEmpty();
        assertThat(deliveries.values()).as("no execution delivered twice").allMatch(n -> n.get() == 1);
        assertThat(duplicateIdRejects).as("no order id reused (error 103)").hasValue(0);
        assertThat(placed).as("most orders got through the faults").isGreaterThan(ORDERS / 2);
        assertThat(made).isNotEmpty();
    }

    private enum Outcome { PLACED, REFUSED, UNKNOWN }

    /** Places once; a refusal (nothing sent) is retried briefly, as the activity layer does. Bounded. */
    private Outcome place(OrderSpec spec) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                connector.placeOrder(spec).get(5, TimeUnit.SECONDS);
                return Outcome.PLACED;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof IbUnavailableException)) {
                    log.info("soak: outcome of {} unknown: {}", spec.orderRef(), e.getCause().toString());
                    return Outcome.UNKNOWN;
                }
                Thread.sleep(25);
            } catch (TimeoutException e) {
                return Outcome.UNKNOWN;
            }
        }
        return Outcome.REFUSED;
    }

    private OrderSpec orderFor(int i, Random random) {
        String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        String side = random.nextBoolean() ? "BUY" : "SELL";
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(250));
        String ref = "soak/" + SEED + "/" + i;
        if (random.nextInt(3) > 0) {
            return OrderSpec.market(ref, "DU1234567", symbol, side, qty);
        }
        // Limits close to the market: some cross at once, some rest until the walk reaches them, some never do.
        BigDecimal offset = BigDecimal.valueOf(random.nextInt(21) - 10, 2);
        return OrderSpec.limit(ref, "DU1234567", symbol, side, qty, new BigDecimal("100.00").add(offset), "DAY");
    }

    /** Waits (bounded) until the connector has delivered every execution the gateway made; returns the gateway's. */
    private Map<String, SimExecution> awaitDeliveredMatchesGateway(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, SimExecution> made = Map.of();
        int stableSince = 0;
        while (System.nanoTime() < deadline) {
            List<SimExecution> executions = sim.executions();
            made = new HashMap<>();
            for (SimExecution e : executions) made.put(e.execId(), e);
            boolean matches = latestIds(delivered.keySet()).equals(latestIds(made.keySet()));
            if (matches && stableSince++ >= 2) {
                return made;
            }
            if (!matches) stableSince = 0;
            Thread.sleep(100);
        }
        return made;
    }

    private static Map<String, String> difference(Map<String, String> a, Map<String, String> b) {
        Map<String, String> d = new HashMap<>(a);
        d.entrySet().removeIf(e -> e.getValue().equals(b.get(e.getKey())));
        return d;
    }

    /** Fill key to its latest exec id: what an OMS ledger keeps once corrections are applied. */
    private static Map<String, String> latestIds(Set<String> execIds) {
        return execIds.stream().collect(Collectors.toMap(ConnectorSoakTest::base, e -> e, ConnectorSoakTest::later));
    }

    /** A correction differs only after the last '.', with a higher suffix (IB's rule). */
    static String base(String execId) { return execId.substring(0, execId.lastIndexOf('.')); }

    static String later(String a, String b) { return a.compareTo(b) >= 0 ? a : b; }

    private final class Recorder implements IbEventListener {
        @Override
        public void onExecution(ExecutionEvent e) {
            deliveries.computeIfAbsent(e.execId(), k -> new AtomicInteger()).incrementAndGet();
            delivered.put(e.execId(), e);
        }

        @Override
        public void onOrderError(IbErrorEvent e) {
            if (e.code() == 103) duplicateIdRejects.incrementAndGet();
        }
    }
}
