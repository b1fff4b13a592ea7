package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second connector with a client id already in use (a second worker on the same connection): the real
 * simulator answers 326 and closes its socket. The second connector reports CLIENT_ID_IN_USE, never takes over
 * or disturbs the first session, and retries with its backoff instead of hammering the gateway, so it gets in
 * once the id is free.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientIdInUseTest {
    GatewayFixture gw;
    final RecordingListener first = new RecordingListener();
    final RecordingListener second = new RecordingListener();

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    private static long refusals(RecordingListener events) {
        return events.errors.stream().filter(e -> e.code() == 326).count();
    }

    @Test
    void theSecondSessionIsRefusedWith326BacksOffLeavesTheFirstAloneAndGetsInOnceTheIdIsFree() throws Exception {
        gw = GatewayFixture.start(c -> c);
        IbConnector a = gw.connect("first", first);
        PlaceAck resting = a.placeOrder(OrderSpec.limit("resting", ACCT, "AAPL", "BUY", BigDecimal.ONE,
                new BigDecimal("150"), "GTC")).get(5, TimeUnit.SECONDS);

        IbConnector b = gw.startConnector("second", 7, second, IbClientOptions.defaults(),
                cfg -> cfg.withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)));
        Await.until(WAIT, "the first refusal", () -> refusals(second) >= 1);
        long window = System.nanoTime();
        long attemptsBefore = b.metrics().connectCount();

        IbErrorEvent refusal = second.errors.stream().filter(e -> e.code() == 326).findFirst().orElseThrow();
        assertThat(refusal.kind()).isEqualTo(IbErrorKind.CLIENT_ID_IN_USE);
        assertThat(refusal.kind().category()).isEqualTo(IbErrorKind.Category.SESSION);
        assertThat(refusal.id()).isEqualTo(-1);
        assertThat(b.isReady()).isFalse();
        assertThat(b.health().state()).isEqualTo(ConnectorState.DOWN);
        assertThat(b.placeOrder(OrderSpec.market("via-second", ACCT, "AAPL", "BUY", BigDecimal.ONE)))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IbUnavailableException.class);

        // Meanwhile the first session trades on undisturbed.
        PlaceAck filled = a.placeOrder(OrderSpec.market("via-first", ACCT, "AAPL", "BUY", BigDecimal.valueOf(100)))
                .get(5, TimeUnit.SECONDS);
        assertThat(filled.rejected()).isFalse();
        Await.until(WAIT, "the first session's fill", () -> first.executionsOf(filled.orderId()).size() == 1
                && first.commissions.size() == 1);

        // One second of refusals, measured: the backoff (50 ms doubling to 500 ms, full jitter) allows about 6
        // attempts; a client without one would make hundreds on loopback.
        long left = TimeUnit.SECONDS.toMillis(1) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - window);
        if (left > 0) Thread.sleep(left);
        long attempts = b.metrics().connectCount() - attemptsBefore;
        assertThat(attempts).as("reconnect attempts within 1 s after a 326").isBetween(2L, 15L);
        assertThat(refusals(second)).as("each attempt answered with 326").isGreaterThanOrEqualTo(attempts);
        assertThat(second.ready).as("no attempt got a session").isEmpty();
        assertThat(second.executions).as("never saw the first session's fills").isEmpty();

        assertThat(first.lost).isEmpty();
        assertThat(a.metrics().connectCount()).isEqualTo(1);
        assertThat(a.metrics().disconnectCount()).isZero();
        assertThat(a.isReady()).isTrue();
        assertThat(gw.sim.orders()).extracting(o -> o.orderRef()).containsExactlyInAnyOrder("resting", "via-first");

        // The id is free: the second connector gets in with its next attempt and owns the id's orders now.
        a.close();
        assertThat(b.awaitReady(WAIT)).isTrue();
        assertThat(second.openOrders).extracting(OpenOrderEvent::orderId).contains(resting.orderId());
        PlaceAck later = b.placeOrder(OrderSpec.market("via-second-later", ACCT, "AAPL", "BUY", BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);
        assertThat(later.rejected()).isFalse();
        assertThat(later.orderId()).as("continues above the ids the first session used").isGreaterThan(filled.orderId());
        assertThat(b.health().state()).isEqualTo(ConnectorState.UP);
    }
}
