package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CancelOrder;
import io.oms.ib.msg.CompletedOrdersEnd;
import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqExecutions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Domain rule (d): while the re-sync after a (re)connect or a restored IB link runs, new orders are refused
 * (SYNCING, nothing sent) and health says so; cancels still go out; once the sync ends orders flow again.
 * The gateway holds the completed-orders answer back until the test releases it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlacementDuringResyncTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(true);
        gateway.silentTo.add(ReqCompletedOrders.class);
        // Far beyond the test: here only the gateway's answer ends the sync.
        IbConnectionConfig cfg = gateway.config("syncing", Duration.ofSeconds(60));
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events);
        connector.start();
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
    }

    private CompletableFuture<PlaceAck> place(String ref) {
        return connector.placeOrder(OrderSpec.market(ref, "DU1", "AAPL", "BUY", BigDecimal.ONE));
    }

    private void awaitSyncHeld(int completedRequests) throws InterruptedException {
        Await.until(WAIT, "sync waiting for completed orders", () -> gateway.received(ReqCompletedOrders.class).size() == completedRequests);
        assertThat(connector.health().state()).isEqualTo(ConnectorState.SYNCING);
        assertThat(connector.health().reason()).contains("re-syncing");
        assertThat(connector.isReady()).isFalse();
        assertThat(place("during-sync-" + completedRequests)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOfSatisfying(IbUnavailableException.class, e -> assertThat(e.state()).isEqualTo(ConnectorState.SYNCING));
        assertThat(connector.findByOrderRef("during-sync-" + completedRequests)).isEmpty();
    }

    private void releaseSyncAndPlace(String ref) throws Exception {
        gateway.send(new CompletedOrdersEnd());
        assertThat(connector.awaitReady(WAIT)).isTrue();
        assertThat(connector.health().state()).isEqualTo(ConnectorState.UP);
        place(ref);
        Await.until(WAIT, ref + " on the wire", () -> gateway.received(PlaceOrder.class).stream().anyMatch(p -> ref.equals(p.orderRef())));
    }

    @Test
    void ordersAreRefusedWhileTheFirstSyncRunsAndCancelsStillGoOut() throws Exception {
        awaitSyncHeld(1);
        assertThat(connector.awaitReady(Duration.ofMillis(200))).as("awaitReady waits for the sync").isFalse();
        connector.cancelOrder(5).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "the cancel at the gateway", () -> gateway.received(CancelOrder.class).size() == 1);
        assertThat(gateway.received(CancelOrder.class)).containsExactly(new CancelOrder(5, null));
        assertThat(gateway.received(ReqExecutions.class)).as("executions wait for the completed orders").isEmpty();

        releaseSyncAndPlace("after-sync");
        assertThat(gateway.received(PlaceOrder.class)).extracting(PlaceOrder::orderRef).containsExactly("after-sync");
        assertThat(gateway.indexOf(PlaceOrder.class, 0)).isGreaterThan(gateway.indexOf(ReqExecutions.class, 0));
        Await.until(WAIT, "listener told UP", () -> events.states().contains(ConnectorState.UP));
        assertThat(events.states()).as("never UP before the sync").containsSubsequence(ConnectorState.SYNCING, ConnectorState.UP)
                .doesNotContainSequence(ConnectorState.DOWN, ConnectorState.UP);
    }

    @Test
    void everyReconnectSyncsAgainBeforeOrdersAreAccepted() throws Exception {
        awaitSyncHeld(1);
        releaseSyncAndPlace("first-session");
        gateway.drop();
        awaitSyncHeld(2);
        releaseSyncAndPlace("second-session");
        assertThat(events.ready).hasSize(2);
    }

    @Test
    void aRestoredIbLinkSyncsAgainBeforeOrdersAreAccepted() throws Exception {
        awaitSyncHeld(1);
        releaseSyncAndPlace("before-1100");
        gateway.send(new ErrorMessage(-1, 1100, "Connectivity between IB and TWS has been lost.", null, 0L));
        Await.until(WAIT, "venue down", () -> connector.health().state() == ConnectorState.DOWN);
        gateway.send(new ErrorMessage(-1, 1102, "Connectivity restored - data maintained.", null, 0L));
        awaitSyncHeld(2);
        releaseSyncAndPlace("after-1102");
        Await.until(WAIT, "listener told UP again", () -> events.lastState() == ConnectorState.UP);
        assertThat(events.states()).containsSubsequence(ConnectorState.UP, ConnectorState.DOWN, ConnectorState.SYNCING,
                ConnectorState.UP);
    }
}
