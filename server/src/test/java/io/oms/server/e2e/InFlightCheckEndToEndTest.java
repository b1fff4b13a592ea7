package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-flight check of a placement (issue 7): an order IB never acknowledged is looked up at IB by its orderRef
 * after the threshold (5 s); one IB never saw ends REJECTED with BROKER_NO_ACK, one IB has is found and carries on.
 * Neither is ever sent to IB twice.
 */
class InFlightCheckEndToEndTest extends EndToEndTest {

    @AfterEach
    void liftFaults() {
        simulator.faults().clear();
    }

    @Test
    void anOrderIbNeverSawEndsRejectedWithBrokerNoAckAndIsSentOnce() {
        String clientOrderId = uniqueId("noack");
        simulator.faults().swallowPlacements(FaultRule.nextN(1));

        ApiClient.Response placed = api.post("/api/v1/orders", order(clientOrderId, "AAPL", "BUY", "MKT", "10", null));

        // A rejected order is a created order (201), like one IB rejects; the reason carries the code.
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.text("state")).isEqualTo("REJECTED");
        assertThat(placed.text("rejectReason")).startsWith("BROKER_NO_ACK: ");
        ApiClient.Response shown = api.get("/api/v1/orders/" + placed.text("id"));
        assertThat(shown.text("state")).isEqualTo("REJECTED");
        assertThat(shown.text("rejectReason")).startsWith("BROKER_NO_ACK: ");

        String orderRef = "order/demo/" + clientOrderId;
        assertThat(simulator.placementsReceived(orderRef)).as("placeOrder messages for %s", orderRef).isEqualTo(1);
        assertThat(simulator.placementsSwallowed(orderRef)).isEqualTo(1);
        assertThat(ours(clientOrderId)).as("IB has no order").isEmpty();
    }

    @Test
    void anOrderAcknowledgedLateIsFoundAtIbAndNeverResubmitted() {
        String clientOrderId = uniqueId("lateack");
        simulator.faults().delayAcknowledgements(FaultRule.nextN(1), Duration.ofSeconds(8));

        ApiClient.Response placed = api.post("/api/v1/orders", order(clientOrderId, "AAPL", "BUY", "MKT", "10", null));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.text("state")).isIn("ROUTED", "PARTIALLY_FILLED", "FILLED");
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(new BigDecimal(filled.text("filledQty"))).isEqualByComparingTo("10");

        List<SimOrderView> atIb = ours(clientOrderId);
        assertThat(atIb).as("one IB order for the OMS order").hasSize(1);
        assertThat(filled.body().path("brokerOrderId").asInt()).isEqualTo(atIb.get(0).orderId());
        assertThat(simulator.placementsReceived(atIb.get(0).orderRef())).isEqualTo(1);
    }

    private List<SimOrderView> ours(String clientOrderId) {
        return simulator.orders().stream().filter(o -> isOurs(o.orderRef(), clientOrderId)).toList();
    }
}
