package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqCurrentTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Before a new order goes out after the gateway has been quiet for longer than probeBeforeSendAfterIdle, a
 * reqCurrentTime must come back (OpenAlice #294: a half-open socket accepted orders and never sent them). The
 * periodic probe is off in these tests, so every reqCurrentTime on the wire is the check before a send.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeBeforeSendTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration IDLE = Duration.ofMillis(300);
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(400);
    static final IbClientOptions OPTIONS = IbClientOptions.defaults()
            .withLivenessProbe(Duration.ZERO, PROBE_TIMEOUT).withProbeBeforeSendAfterIdle(IDLE);

    final RecordingListener events = new RecordingListener();
    FakeGateway fake;
    GatewayFixture gw;
    WireTap tap;
    IbConnector connector;

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (fake != null) fake.close();
        if (tap != null) tap.close();
        if (gw != null) gw.close();
    }

    @Test
    void aSilentGatewayAfterIdleFailsThePlacementWithNothingSentAndIsReconnected() throws Exception {
        fake = new FakeGateway(true);
        IbConnectionConfig cfg = IbConnectionConfig.of("idle-dead", "127.0.0.1", fake.port(), 7)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(5));
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events, OPTIONS);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        fake.answering = false; // half-open from here on: requests are read, nothing comes back
        idle();

        long started = System.nanoTime();
        CompletableFuture<PlaceAck> ack = connector.placeOrder(limit("dead-1"));
        assertThatThrownBy(() -> ack.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IbUnavailableException.class)
                .hasMessageContaining("liveness probe");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails within the probe timeout")
                .isLessThan(PROBE_TIMEOUT.plusSeconds(2));
        assertThat(fake.received(PlaceOrder.class)).as("nothing reached the wire").isEmpty();
        assertThat(fake.received(ReqCurrentTime.class)).hasSize(1);

        fake.answering = true;
        Await.until(WAIT, "the dead session closed and a new one ready", () -> fake.connections() >= 2
                && events.ready.size() >= 2 && connector.isReady());
        assertThat(events.lost).first().asString().contains("liveness probe");
        assertThat(fake.received(PlaceOrder.class)).isEmpty();
    }

    @Test
    void afterIdleAgainstTheSimulatorExactlyOneProbePrecedesThePlacement() throws Exception {
        connectThroughTap(OPTIONS);
        int mark = tap.sent.size();
        idle();

        PlaceAck ack = connector.placeOrder(limit("idle-1")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(ack.rejected()).isFalse();
        assertThat(tap.typesFrom(mark)).containsExactly(ReqCurrentTime.class, PlaceOrder.class);
    }

    @Test
    void underSteadyTrafficNoProbeIsSent() throws Exception {
        connectThroughTap(OPTIONS);
        int mark = tap.sent.size();
        // 20 placements 50 ms apart: together far longer than the idle threshold, but each ack is fresh traffic.
        for (int i = 0; i < 20; i++) {
            assertThat(connector.placeOrder(limit("steady-" + i)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).rejected())
                    .isFalse();
            Thread.sleep(50);
        }
        assertThat(tap.typesFrom(mark)).hasSize(20).containsOnly(PlaceOrder.class);
    }

    @Test
    void concurrentPlacementsAfterIdleShareOneProbe() throws Exception {
        connectThroughTap(OPTIONS);
        int mark = tap.sent.size();
        idle();

        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String ref = "burst-" + i;
                acks.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return connector.placeOrder(limit(ref));
                }, pool).thenCompose(f -> f));
            }
            go.countDown();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(acks).allSatisfy(a -> assertThat(a.join().rejected()).isFalse());
        List<Class<?>> wire = tap.typesFrom(mark);
        assertThat(wire).hasSize(n + 1).first().isEqualTo(ReqCurrentTime.class);
        assertThat(wire.subList(1, wire.size())).containsOnly(PlaceOrder.class);
    }

    @Test
    void placementsWaitingForOneProbeGoOutInCallOrder() throws Exception {
        connectThroughTap(OPTIONS);
        int mark = tap.sent.size();
        idle();

        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) acks.add(connector.placeOrder(limit("fifo-" + i)));
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        List<String> refs = tap.sent.subList(mark, tap.sent.size()).stream().filter(PlaceOrder.class::isInstance)
                .map(m -> ((PlaceOrder) m).orderRef()).toList();
        assertThat(refs).containsExactly("fifo-0", "fifo-1", "fifo-2", "fifo-3", "fifo-4");
        assertThat(tap.typesFrom(mark)).filteredOn(ReqCurrentTime.class::equals).hasSize(1);
    }

    private void connectThroughTap(IbClientOptions options) throws Exception {
        gw = GatewayFixture.start(c -> c);
        tap = new WireTap(gw.sim.port());
        connector = gw.connect("probe-send", 7, events, options, tap::route);
    }

    /** Twice the idle threshold with nothing on the wire either way (no market data, periodic probe off). */
    private static void idle() throws InterruptedException { Thread.sleep(IDLE.toMillis() * 2); }

    private static OrderSpec limit(String ref) {
        return OrderSpec.limit(ref, GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE, new BigDecimal("1.00"), "DAY");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
