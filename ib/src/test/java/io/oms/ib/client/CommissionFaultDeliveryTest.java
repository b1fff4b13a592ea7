package io.oms.ib.client;

import static io.oms.ib.client.GatewayFixture.ACCT;
import static io.oms.ib.client.GatewayFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.FaultRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Late and missing commission reports from the real simulator: a late one reaches the listener after its
 * execution, once, even when the re-sync has already replayed it; a missing one is recovered by the re-sync
 * after a reconnect and delivered once, its execution not again.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommissionFaultDeliveryTest {
    GatewayFixture gw;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gw = GatewayFixture.start(c -> c);
        connector = gw.connect("commissions", events);
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    private ExecutionEvent fill(String ref) throws Exception {
        PlaceAck ack = connector.placeOrder(OrderSpec.market(ref, ACCT, "AAPL", "BUY", BigDecimal.valueOf(100)))
                .get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "the fill", () -> events.executionsOf(ack.orderId()).size() == 1);
        return events.executionsOf(ack.orderId()).get(0);
    }

    private List<CommissionEvent> commissionsOf(String execId) {
        return events.commissions.stream().filter(c -> c.execId().equals(execId)).toList();
    }

    @Test
    void aLateCommissionArrivesAfterItsExecutionAndIsDeliveredOnce() throws Exception {
        gw.sim.faults().delayCommissionReports(FaultRule.nextN(1), Duration.ofMillis(250));
        ExecutionEvent exec = fill("late-commission");
        Await.until(WAIT, "the late commission", () -> commissionsOf(exec.execId()).size() == 1);

        // The fill's status and openOrder went out right after it; the commission came after those.
        int filled = events.journal.indexOf("status:" + exec.orderId() + ":Filled");
        assertThat(filled).as("journal %s", events.journal).isGreaterThan(events.journal.indexOf(
                "exec:" + exec.orderId() + ":" + exec.execId()));
        assertThat(events.journal.indexOf("comm:" + exec.execId())).isGreaterThan(
                events.journal.indexOf("open:" + exec.orderId() + ":Filled"));
        assertThat(commissionsOf(exec.execId())).singleElement()
                .satisfies(c -> assertThat(c.commission()).isEqualByComparingTo("1.00"));

        gw.dropAndAwaitResync(connector, events); // replays the execution and its commission
        gw.assertDeliveredExactlyOnce(events, List.of("late-commission"));
    }

    @Test
    void aCommissionLateBeyondAReconnectIsDeliveredOnceWhetherTheReSyncOrTheLateMessageBringsIt() throws Exception {
        Duration delay = Duration.ofMillis(600);
        gw.sim.faults().delayCommissionReports(FaultRule.nextN(1), delay);
        long sent = System.nanoTime();
        ExecutionEvent exec = fill("later-than-reconnect");
        gw.dropAndAwaitResync(connector, events);
        assertThat(commissionsOf(exec.execId())).as("the re-sync replayed it").hasSize(1);

        // The held-back report still goes out when its delay is over, to the new session.
        long left = delay.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        if (left > 0) Thread.sleep(left + 50);
        gw.flush(connector);
        assertThat(commissionsOf(exec.execId())).hasSize(1);
        gw.assertDeliveredExactlyOnce(events, List.of("later-than-reconnect"));
    }

    @Test
    void aMissingCommissionIsRecoveredByTheReSyncAfterAReconnectAndDeliveredOnce() throws Exception {
        gw.sim.faults().dropCommissionReports(FaultRule.nextN(1));
        ExecutionEvent exec = fill("missing-commission");
        gw.flush(connector);
        assertThat(events.commissions).as("never sent live").isEmpty();

        gw.dropAndAwaitResync(connector, events);
        assertThat(commissionsOf(exec.execId())).singleElement()
                .satisfies(c -> assertThat(c.commission()).isEqualByComparingTo("1.00"));
        assertThat(events.journal.indexOf("comm:" + exec.execId())).isGreaterThan(events.journal.lastIndexOf("ready"));
        assertThat(events.executionsOf(exec.orderId())).as("its execution not delivered again").hasSize(1);
        gw.assertDeliveredExactlyOnce(events, List.of("missing-commission"));
    }
}
