package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.RestartMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What IB did while the session was away reaches the orders through the connector's re-sync. */
class BrokerResyncEndToEndTest extends EndToEndTest {

    @Test
    void orderCancelledByAGatewayRestartIsCanceledFromCompletedOrders() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("rst"), "IBM", "BUY", "LMT", "5", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        String id = placed.text("id");

        // The gateway restarts and drops the working order without a word on the socket: no orderStatus ever
        // says Cancelled. Only the completed orders the connector asks for after reconnecting tell.
        simulator.faults().restartGateway(RestartMode.CANCEL_ORDERS, Duration.ZERO);

        ApiClient.Response canceled = awaitState(id, "CANCELED");
        assertThat(canceled.text("state")).isEqualTo("CANCELED");
        assertThat(api.get("/api/v1/orders/" + id + "/executions").body()).isEmpty();
    }

    @Test
    void ordersFillAfterAGatewayRestartThatResetsOrderIds() {
        // The restarted gateway's nextValidId is 1 again; the connector's persisted high water keeps ids rising,
        // so the next order is neither a 103 reject nor a modify of an older order.
        java.time.Instant restarted = java.time.Instant.now();
        simulator.faults().restartGateway(RestartMode.KEEP_ORDERS, Duration.ZERO);
        // Orders wait (503 BROKER_RECONCILING) until the account's reconciliation after the reconnect succeeded.
        AccountSync.awaitResynced(api, ACCOUNT, restarted);

        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("after"), "IBM", "BUY", "MKT", "1", null));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.text("state")).isNotEqualTo("REJECTED");
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(filled.text("filledQty")).isEqualTo("1");
    }
}
