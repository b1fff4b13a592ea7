package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.FaultRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Duplicated, delayed and reordered orderStatus messages from the real simulator: every placement is
 * acknowledged once, an older status arriving after a newer one never moves the order back (what
 * findByOrderRef reports stays the terminal status), and every fill is delivered once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusFaultDeliveryTest {
    GatewayFixture gw;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    private void connect() throws Exception {
        gw = GatewayFixture.start(c -> c.withSliceDelay(Duration.ofMillis(20)));
        connector = gw.connect("status-faults", events);
    }

    private PlaceAck placeAndAwait(OrderSpec spec) throws Exception {
        PlaceAck ack = connector.placeOrder(spec).get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).as("%s rejected: %s", spec.orderRef(), ack.errorMessage()).isFalse();
        return ack;
    }

    private String statusOf(String ref) { return connector.findByOrderRef(ref).orElseThrow().status(); }

    @Test
    void duplicatedStatusesAcknowledgeEachPlacementOnceAndDeliverEachFillOnce() throws Exception {
        connect();
        gw.sim.faults().duplicateOrderStatus(FaultRule.always());
        List<String> refs = new ArrayList<>();
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String ref = "dup-" + i;
            refs.add(ref);
            acks.add(connector.placeOrder(OrderSpec.market(ref, ACCT, "AAPL", "BUY", BigDecimal.valueOf(50 + 40L * i))));
        }
        for (var ack : acks) assertThat(ack.get(5, TimeUnit.SECONDS).rejected()).isFalse();
        Await.until(WAIT, "all filled at the gateway and reported", () -> refs.stream().allMatch(gw::filledAtGateway)
                && refs.stream().allMatch(r -> "Filled".equals(statusOf(r))));
        gw.flush(connector);

        ConnectionMetrics m = connector.metrics();
        assertThat(m.placements()).isEqualTo(8);
        assertThat(m.acks()).as("one acknowledgement per placement").isEqualTo(8);
        long filledStatuses = events.statuses.stream().filter(s -> "Filled".equals(s.status())).count();
        assertThat(filledStatuses).as("the gateway really sent each Filled twice").isEqualTo(16);
        gw.assertDeliveredExactlyOnce(events, refs);
    }

    @Test
    void statusesDelayedPastTheFillDoNotMoveTheOrderBackFromFilled() throws Exception {
        connect();
        // PreSubmitted and Submitted are held back 300 ms; the fill, Filled and openOrder(Filled) overtake them.
        gw.sim.faults().delayOrderStatus(FaultRule.nextN(2), Duration.ofMillis(300));
        PlaceAck ack = placeAndAwait(OrderSpec.market("late-status", ACCT, "AAPL", "BUY", BigDecimal.valueOf(100)));
        Await.until(WAIT, "the delayed statuses arrived after Filled",
                () -> events.statusesOf(ack.orderId()).equals(List.of("Filled", "PreSubmitted", "Submitted")));

        assertThat(statusOf("late-status")).as("journal %s", events.journal).isEqualTo("Filled");
        assertThat(events.executionsOf(ack.orderId())).hasSize(1);
        gw.assertDeliveredExactlyOnce(events, List.of("late-status"));
        assertThat(connector.metrics().acks()).isEqualTo(1);
    }

    @Test
    void aReorderedPendingCancelArrivingAfterCancelledDoesNotReopenTheOrder() throws Exception {
        connect();
        PlaceAck ack = placeAndAwait(OrderSpec.limit("reordered-cancel", ACCT, "AAPL", "BUY", BigDecimal.TEN,
                new BigDecimal("150"), "DAY"));
        Await.until(WAIT, "working", () -> "Submitted".equals(statusOf("reordered-cancel")));
        // PendingCancel is held until the client's next status (Cancelled) has gone out, then sent.
        gw.sim.faults().reorderOrderStatus(FaultRule.nextN(1));
        connector.cancelOrder(ack.orderId()).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "Cancelled, then the stale PendingCancel", () -> events.statusesOf(ack.orderId())
                .equals(List.of("PreSubmitted", "Submitted", "Cancelled", "PendingCancel")));
        Await.until(WAIT, "202", () -> events.orderErrors.stream().anyMatch(e -> e.code() == 202));

        assertThat(statusOf("reordered-cancel")).as("journal %s", events.journal).isEqualTo("Cancelled");
    }

    @Test
    void underRandomDuplicatesDelaysAndReordersEveryOrderEndsInItsTerminalStatusAndEveryFillArrivesOnce()
            throws Exception {
        connect();
        gw.sim.faults().duplicateOrderStatus(FaultRule.withProbability(0.3));
        gw.sim.faults().delayOrderStatus(FaultRule.withProbability(0.3), Duration.ofMillis(150));
        gw.sim.faults().reorderOrderStatus(FaultRule.withProbability(0.3));
        List<String> filled = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean rests = i % 3 == 2;
            String ref = (rests ? "rest-" : "fill-") + i;
            (rests ? cancelled : filled).add(ref);
            acks.add(connector.placeOrder(rests
                    ? OrderSpec.limit(ref, ACCT, "MSFT", "BUY", BigDecimal.TEN, new BigDecimal("300"), "DAY")
                    : OrderSpec.market(ref, ACCT, "AAPL", i % 2 == 0 ? "BUY" : "SELL", BigDecimal.valueOf(30 + 60L * i))));
        }
        for (var ack : acks) assertThat(ack.get(5, TimeUnit.SECONDS).rejected()).isFalse();
        for (String ref : cancelled) connector.cancelOrder(connector.findByOrderRef(ref).orElseThrow().orderId());
        Await.until(WAIT, "everything finished at the gateway", () -> filled.stream().allMatch(gw::filledAtGateway)
                && gw.sim.orders().stream().filter(o -> cancelled.contains(o.orderRef()))
                        .allMatch(o -> "Cancelled".equals(o.status())));
        // Held-back statuses: delays are 150 ms, a reordered status with nothing after it goes out after 500 ms.
        Thread.sleep(600);
        gw.flush(connector);

        assertThat(connector.metrics().acks()).as("one acknowledgement per placement").isEqualTo(12);
        for (String ref : filled) assertThat(statusOf(ref)).as("%s; journal %s", ref, events.journal).isEqualTo("Filled");
        for (String ref : cancelled) assertThat(statusOf(ref)).as("%s; journal %s", ref, events.journal).isEqualTo("Cancelled");
        gw.assertDeliveredExactlyOnce(events, filled);
    }
}
