package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A modify is placeOrder with the working order's id: IB applies price, size and tif, and refuses the rest. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ModifyOrderTest {
    GatewayFixture gw;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gw = GatewayFixture.start(c -> c);
        connector = gw.connect("modify", events);
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    @Test
    void modifiesPriceAndQuantityOfAWorkingOrder() throws Exception {
        OrderSpec spec = OrderSpec.limit("mod-1", GatewayFixture.ACCT, "AAPL", "BUY", new BigDecimal("10"),
                new BigDecimal("1.00"), "DAY");
        PlaceAck placed = connector.placeOrder(spec).get(5, TimeUnit.SECONDS);

        PlaceAck modified = connector.modifyOrder(placed.orderId(), spec.resized(new BigDecimal("20"), new BigDecimal("1.50")))
                .get(5, TimeUnit.SECONDS);

        assertThat(modified.rejected()).isFalse();
        assertThat(modified.orderId()).isEqualTo(placed.orderId());
        SimOrderView atGateway = gatewayOrder("mod-1");
        assertThat(atGateway.quantity()).isEqualByComparingTo("20");
        assertThat(atGateway.limitPrice()).isEqualByComparingTo("1.50");
        assertThat(gw.sim.orders().stream().filter(o -> "mod-1".equals(o.orderRef()))).as("still one order").hasSize(1);
    }

    @Test
    void refusedModifyLeavesTheOrderWorkingAsItWas() throws Exception {
        OrderSpec spec = OrderSpec.limit("mod-2", GatewayFixture.ACCT, "AAPL", "BUY", new BigDecimal("10"),
                new BigDecimal("1.00"), "DAY");
        PlaceAck placed = connector.placeOrder(spec).get(5, TimeUnit.SECONDS);
        OrderSpec otherSide = new OrderSpec("mod-2", GatewayFixture.ACCT, "AAPL", "STK", "SMART", null, "USD", "SELL",
                new BigDecimal("10"), "LMT", new BigDecimal("1.00"), "DAY");

        PlaceAck refused = connector.modifyOrder(placed.orderId(), otherSide).get(5, TimeUnit.SECONDS);

        assertThat(refused.rejected()).isTrue();
        assertThat(refused.errorCode()).isEqualTo(105);
        assertThat(connector.findByOrderRef("mod-2")).get().extracting(PlaceAck::rejected).isEqualTo(false);
        assertThat(gatewayOrder("mod-2").action()).isEqualTo("BUY");
        assertThat(gatewayOrder("mod-2").status()).isIn("PreSubmitted", "Submitted");
    }

    @Test
    void modifyOfAFilledOrderIsRefusedWith104() throws Exception {
        OrderSpec spec = OrderSpec.market("mod-3", GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE);
        PlaceAck placed = connector.placeOrder(spec).get(5, TimeUnit.SECONDS);
        Await.until(GatewayFixture.WAIT, "mod-3 filled at the gateway", () -> gw.filledAtGateway("mod-3"));

        PlaceAck refused = connector.modifyOrder(placed.orderId(), spec.resized(new BigDecimal("2"), null))
                .get(5, TimeUnit.SECONDS);

        assertThat(refused.rejected()).isTrue();
        assertThat(refused.errorCode()).isEqualTo(104);
        assertThat(gatewayOrder("mod-3").quantity()).isEqualByComparingTo("1");
    }

    private SimOrderView gatewayOrder(String orderRef) {
        return gw.sim.orders().stream().filter(o -> orderRef.equals(o.orderRef())).findFirst().orElseThrow();
    }
}
