package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.PacingMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IB's message-rate limit enforced by the real simulator (REJECT mode: error 100, the session cut at the
 * third violation). The connector's own pacing keeps a burst under it; without pacing the connector reports
 * the violations as PACING_VIOLATION, reconnects by itself after the cut and loses none of the orders the
 * gateway had accepted.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PacingAgainstGatewayTest {
    GatewayFixture gw;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    @Test
    void aBurstPacedAtTheDefault45PerSecondStaysUnderTheGatewaysLimitOf50() throws Exception {
        gw = GatewayFixture.start(c -> c.withPacingLimit(50).withPacingMode(PacingMode.REJECT));
        IbConnector connector = gw.connect("paced", events); // default options: 45/s, burst 45
        int burst = 120;
        long started = System.nanoTime();
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            acks.add(connector.placeOrder(OrderSpec.limit("paced-" + i, ACCT, "AAPL", "BUY", BigDecimal.ONE,
                    new BigDecimal("150"), "GTC")));
        }
        for (var ack : acks) assertThat(ack.get(8, TimeUnit.SECONDS).rejected()).isFalse();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(events.errors).as("no pacing violation").noneMatch(e -> e.code() == 100);
        assertThat(events.lost).as("never cut").isEmpty();
        assertThat(events.ready).hasSize(1);
        assertThat(connector.metrics().disconnectCount()).isZero();
        assertThat(connector.metrics().acks()).isEqualTo(burst);
        assertThat(gw.sim.orders()).hasSize(burst);
        // 45 at once, the other 75 at 45/s: the gate really held them back.
        assertThat(took).isGreaterThan(Duration.ofMillis(1_400));
    }

    @Test
    void unpacedTheConnectorReportsError100ReconnectsAfterTheCutAndKeepsTheOrdersTheGatewayAccepted()
            throws Exception {
        gw = GatewayFixture.start(c -> c.withPacingLimit(20).withPacingMode(PacingMode.REJECT)
                .withSliceDelay(Duration.ofMillis(150)));
        IbConnector connector = gw.connect("unpaced", 7, events, IbClientOptions.defaults().withoutPacing(),
                cfg -> cfg.withRequestTimeout(Duration.ofMillis(1_500)));
        // START_API and the re-sync's three requests used 4 of the 20; about 16 orders get in, then 3 rejects.
        List<String> refs = new ArrayList<>();
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            refs.add("unpaced-" + i);
            // 300 shares in slices of 100 every 150 ms: fills go on across the cut and the reconnect.
            acks.add(connector.placeOrder(OrderSpec.market(refs.get(i), ACCT, "AAPL", "BUY", BigDecimal.valueOf(300))));
        }

        Await.until(WAIT, "the cut and a new session", () -> events.lost.size() == 1 && events.ready.size() == 2
                && connector.isReady());
        List<IbErrorEvent> pacing = events.errors.stream().filter(e -> e.code() == 100).toList();
        assertThat(pacing).as("three violations, then the gateway cut the session").hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(IbErrorKind.PACING_VIOLATION);
                    assertThat(e.kind().category()).isEqualTo(IbErrorKind.Category.PACING);
                });
        assertThat(events.journal.indexOf("error:-1:100")).isLessThan(events.journal.indexOf("lost"));

        List<String> accepted = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            try {
                PlaceAck ack = acks.get(i).get(3, TimeUnit.SECONDS);
                assertThat(ack.rejected()).isFalse();
                accepted.add(refs.get(i));
            } catch (ExecutionException e) {
                // The gateway dropped the message (error 100 names no order): no status ever comes for it. Or the
                // cut closed the socket while the order was still being written: its send fails at once. Either way
                // the gateway must not have it, which the comparison with its orders below checks.
                assertThat(e.getCause()).isInstanceOfAny(TimeoutException.class, IOException.class);
                dropped.add(refs.get(i));
            }
        }
        assertThat(accepted).as("what the bucket let through, at least 3 dropped").hasSizeBetween(14, 27);
        assertThat(gw.sim.orders()).extracting(o -> o.orderRef()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(dropped).hasSize(30 - accepted.size());

        Await.until(WAIT, "every accepted order filled and reported", () -> accepted.stream().allMatch(gw::filledAtGateway)
                && accepted.stream().allMatch(r -> "Filled".equals(connector.findByOrderRef(r).orElseThrow().status())
                && GatewayFixture.deliveredExecCounts(events, List.of(r)).size() == gw.executionsOf(r).size()));
        gw.flush(connector);
        gw.assertDeliveredExactlyOnce(events, accepted);
        assertThat(events.errors).as("no order id reused after the cut").noneMatch(e -> e.code() == 103);
    }
}
