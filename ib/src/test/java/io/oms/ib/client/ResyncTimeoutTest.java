package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqOpenOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The re-sync is bounded: a sync request the gateway never answers times out after the request timeout,
 * the next step still runs, and placement resumes, instead of SYNCING forever.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResyncTimeoutTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration STEP_TIMEOUT = Duration.ofMillis(600);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (gateway != null) gateway.close();
    }

    private void start() {
        IbConnectionConfig cfg = gateway.config("sync-timeout", STEP_TIMEOUT);
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events);
        connector.start();
    }

    private void placementReachesTheWire(String ref) throws InterruptedException {
        assertThat(connector.health().state()).isEqualTo(ConnectorState.UP);
        connector.placeOrder(OrderSpec.market(ref, "DU1", "AAPL", "BUY", BigDecimal.ONE));
        Await.until(WAIT, ref + " on the wire", () -> gateway.received(PlaceOrder.class).size() == 1);
    }

    @Test
    void anUnansweredCompletedOrdersRequestTimesOutAndTheSyncGoesOnToExecutionsThenOrdersFlow() throws Exception {
        gateway = new FakeGateway(true);
        gateway.silentTo.add(ReqCompletedOrders.class);
        start();
        Await.until(WAIT, "completed orders requested", () -> gateway.received(ReqCompletedOrders.class).size() == 1);
        long asked = System.nanoTime();
        assertThat(connector.health().state()).isEqualTo(ConnectorState.SYNCING);

        assertThat(connector.awaitReady(WAIT)).isTrue();
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(waitedMs).as("held for about one step timeout").isBetween(STEP_TIMEOUT.toMillis() - 150, 5_000L);
        assertThat(gateway.received(ReqExecutions.class)).as("the step after the silent one still ran").hasSize(1);
        assertThat(gateway.indexOf(ReqExecutions.class, 0)).isGreaterThan(gateway.indexOf(ReqCompletedOrders.class, 0));
        placementReachesTheWire("after-timeout");
    }

    @Test
    void aGatewayThatAnswersNoSyncRequestAtAllHoldsOrdersForAtMostEveryStepsTimeout() throws Exception {
        gateway = new FakeGateway(false); // a hung gateway: nothing is ever answered
        long started = System.nanoTime();
        start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(waitedMs).as("three steps, each given up after its timeout").isBetween(3 * STEP_TIMEOUT.toMillis() - 150, 6_000L);
        assertThat(gateway.received(ReqOpenOrders.class)).hasSize(1);
        assertThat(gateway.received(ReqCompletedOrders.class)).hasSize(1);
        assertThat(gateway.received(ReqExecutions.class)).hasSize(1);
        placementReachesTheWire("after-three-timeouts");
    }
}
