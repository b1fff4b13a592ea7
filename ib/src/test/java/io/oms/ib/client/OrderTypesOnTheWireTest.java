package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every order type and TIF the connector can express reaches the gateway as that type, with its prices. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrderTypesOnTheWireTest {
    private static final BigDecimal TEN = BigDecimal.TEN;
    GatewayFixture gw;
    IbConnector connector;

    @BeforeEach
    void connect() throws Exception {
        gw = GatewayFixture.start(c -> c);
        connector = gw.connect("types", new RecordingListener());
        gw.sim.setPrice("AAPL", new BigDecimal("100.00")); // the stops below are far above it
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    @Test
    void stopAndStopLimitCarryTheirStopPrice() throws Exception {
        OrderSpec base = OrderSpec.market("stp", GatewayFixture.ACCT, "AAPL", "BUY", TEN);
        place(base.as("STP", null, new BigDecimal("150")));
        place(OrderSpec.market("stplmt", GatewayFixture.ACCT, "AAPL", "BUY", TEN)
                .as("STP LMT", new BigDecimal("151"), new BigDecimal("150")));

        assertThat(gateway("stp")).extracting(SimOrderView::orderType, SimOrderView::status).containsExactly("STP", "PreSubmitted");
        assertThat(gateway("stp").auxPrice()).isEqualByComparingTo("150");
        assertThat(gateway("stplmt").limitPrice()).isEqualByComparingTo("151");
        assertThat(gateway("stplmt").auxPrice()).isEqualByComparingTo("150");
    }

    @Test
    void trailingStopsByAmountAndByPercent() throws Exception {
        place(OrderSpec.market("trail-amt", GatewayFixture.ACCT, "AAPL", "SELL", TEN).as("TRAIL", null, new BigDecimal("2")));
        place(OrderSpec.market("trail-pct", GatewayFixture.ACCT, "AAPL", "SELL", TEN)
                .trailingPercent(new BigDecimal("1.5"), new BigDecimal("95")));

        assertThat(gateway("trail-amt").orderType()).isEqualTo("TRAIL");
        assertThat(gateway("trail-amt").auxPrice()).isEqualByComparingTo("2");
        assertThat(gateway("trail-pct").orderType()).isEqualTo("TRAIL");
        assertThat(gateway("trail-pct").trailStopPrice()).isNotNull();
    }

    @Test
    void closeAuctionOrdersAndTimesInForceRest() throws Exception {
        place(OrderSpec.market("moc", GatewayFixture.ACCT, "AAPL", "BUY", TEN).as("MOC", null, null));
        place(OrderSpec.limit("loc", GatewayFixture.ACCT, "AAPL", "BUY", TEN, new BigDecimal("1.00"), "DAY").as("LOC", new BigDecimal("1.00"), null));
        place(OrderSpec.limit("gtd", GatewayFixture.ACCT, "AAPL", "BUY", TEN, new BigDecimal("1.00"), "DAY")
                .until("GTD", "20991231 16:00:00 US/Eastern").outsideRegularHours());

        assertThat(gateway("moc").orderType()).isEqualTo("MOC");
        assertThat(gateway("loc").orderType()).isEqualTo("LOC");
        assertThat(gateway("gtd").tif()).isEqualTo("GTD");
        assertThat(gateway("gtd").status()).isIn("PreSubmitted", "Submitted");
    }

    @Test
    void immediateOrCancelLeavesNothingResting() throws Exception {
        place(OrderSpec.limit("ioc", GatewayFixture.ACCT, "AAPL", "BUY", TEN, new BigDecimal("1.00"), "IOC"));
        Await.until(GatewayFixture.WAIT, "IOC cancelled", () -> "Cancelled".equals(gateway("ioc").status()));
    }

    @Test
    void incompleteSpecsAreRefusedBeforeAnythingIsSent() {
        OrderSpec mkt = OrderSpec.market("bad", GatewayFixture.ACCT, "AAPL", "BUY", TEN);
        assertThatThrownBy(() -> mkt.as("STP", null, null)).hasMessageContaining("stop price");
        assertThatThrownBy(() -> mkt.as("STP LMT", null, BigDecimal.ONE)).hasMessageContaining("limit price");
        assertThatThrownBy(() -> mkt.until("GTD", null)).hasMessageContaining("goodTillDate");
        assertThatThrownBy(() -> mkt.as("TRAIL", null, BigDecimal.ONE).trailingPercent(BigDecimal.ONE, null).as("TRAIL", null, BigDecimal.ONE))
                .hasMessageContaining("not both");
    }

    private void place(OrderSpec spec) throws Exception {
        PlaceAck ack = connector.placeOrder(spec).get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).as("%s rejected: %s", spec.orderRef(), ack.errorMessage()).isFalse();
    }

    private SimOrderView gateway(String orderRef) {
        return gw.sim.orders().stream().filter(o -> orderRef.equals(o.orderRef())).findFirst().orElseThrow();
    }
}
