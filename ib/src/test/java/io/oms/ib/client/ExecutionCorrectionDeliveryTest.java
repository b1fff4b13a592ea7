package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.SimExecution;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Execution corrections from the real simulator (IB's rule: same exec id up to the last '.', a higher suffix
 * supersedes): the original .01 and the correcting .02 each reach the listener exactly once, with their own
 * commissions; the re-sync after a reconnect (which replays the latest version) delivers neither again, and
 * a correction made while the connector was away arrives once through that re-sync.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExecutionCorrectionDeliveryTest {
    static final BigDecimal DELTA = new BigDecimal("0.05");

    GatewayFixture gw;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gw = GatewayFixture.start(c -> c);
        connector = gw.connect("corrections", events);
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    private static String base(String execId) { return execId.substring(0, execId.lastIndexOf('.')); }

    /** One 100-share fill at 190.01, corrected by DELTA; returns the order id once both versions are in. */
    private int fillOnceCorrected(String ref) throws Exception {
        gw.sim.faults().correctExecutions(FaultRule.nextN(1), DELTA);
        PlaceAck ack = connector.placeOrder(OrderSpec.market(ref, ACCT, "AAPL", "BUY", BigDecimal.valueOf(100)))
                .get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "the fill and its correction, with commissions", () ->
                events.executionsOf(ack.orderId()).size() == 2 && events.commissions.size() == 2);
        return ack.orderId();
    }

    @Test
    void theOriginalAndTheCorrectionAreEachDeliveredOnceAndAReSyncDeliversNeitherAgain() throws Exception {
        int orderId = fillOnceCorrected("corrected");
        List<ExecutionEvent> fills = events.executionsOf(orderId);
        ExecutionEvent original = fills.get(0), correction = fills.get(1);
        assertThat(original.execId()).endsWith(".01");
        assertThat(correction.execId()).isEqualTo(base(original.execId()) + ".02");
        assertThat(original.price()).isEqualByComparingTo("190.01");
        assertThat(correction.price()).isEqualByComparingTo("190.06");
        assertThat(correction.shares()).isEqualByComparingTo(original.shares());
        assertThat(events.journal).containsSubsequence("exec:" + orderId + ":" + original.execId(),
                "comm:" + original.execId(), "exec:" + orderId + ":" + correction.execId(), "comm:" + correction.execId());

        gw.dropAndAwaitResync(connector, events);
        // What the gateway replays now: the latest version only; a caller's query sees it, the listener does not again.
        List<ExecutionEvent> replayed = connector.requestExecutions(ExecutionFilter.forClient(7)).get(5, TimeUnit.SECONDS);
        assertThat(replayed).extracting(ExecutionEvent::execId).containsExactly(correction.execId());

        assertThat(events.executionsOf(orderId)).extracting(ExecutionEvent::execId)
                .containsExactly(original.execId(), correction.execId());
        gw.assertDeliveredExactlyOnce(events, List.of("corrected"));
    }

    @Test
    void aCorrectionMadeWhileTheConnectorIsAwayArrivesOnceThroughTheReSync() throws Exception {
        int orderId = fillOnceCorrected("corrected-away");
        String latest = events.executionsOf(orderId).get(1).execId();

        gw.sim.faults().refuseConnections();
        gw.sim.faults().dropConnections();
        Await.until(WAIT, "away", () -> events.lost.size() == 1);
        SimExecution third = gw.sim.faults().correctExecution(latest, new BigDecimal("189.99"));
        assertThat(third.execId()).isEqualTo(base(latest) + ".03");
        gw.sim.faults().acceptConnections();
        Await.until(WAIT, "back and re-synced", () -> events.ready.size() == 2 && connector.isReady());

        assertThat(events.executionsOf(orderId)).extracting(ExecutionEvent::execId)
                .containsExactly(base(latest) + ".01", latest, third.execId());
        assertThat(events.executionsOf(orderId).get(2).price()).isEqualByComparingTo("189.99");
        assertThat(events.journal.indexOf("exec:" + orderId + ":" + third.execId()))
                .isGreaterThan(events.journal.lastIndexOf("ready"));
        gw.flush(connector);
        gw.assertDeliveredExactlyOnce(events, List.of("corrected-away"));
    }
}
