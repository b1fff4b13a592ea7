package io.oms.activities.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.OrderSpec;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderSpecsTest {
    private static PlaceOrderCommand command(OrderType type, String limit, String stop, String amount, String percent,
                                             TimeInForce tif, Instant expireAt, boolean outsideRth) {
        return new PlaceOrderCommand("demo/c-1", "DU1234567", "AAPL", Side.SELL, type, new BigDecimal("100"), dec(limit),
                dec(stop), dec(amount), dec(percent), tif, expireAt, outsideRth);
    }

    @Test
    void marketOrderGoesToSmartWithThePrimaryExchangeAndNoOptionalTerms() {
        OrderSpec spec = OrderSpecs.from(command(OrderType.MKT, null, null, null, null, TimeInForce.DAY, null, false), "NASDAQ");
        assertThat(spec.orderRef()).isEqualTo("demo/c-1");
        assertThat(spec.account()).isEqualTo("DU1234567");
        assertThat(spec.secType()).isEqualTo("STK");
        assertThat(spec.exchange()).isEqualTo("SMART");
        assertThat(spec.primaryExchange()).isEqualTo("NASDAQ");
        assertThat(spec.currency()).isEqualTo("USD");
        assertThat(spec.action()).isEqualTo("SELL");
        assertThat(spec.orderType()).isEqualTo("MKT");
        assertThat(spec.tif()).isEqualTo("DAY");
        assertThat(spec.limitPrice()).isNull();
        assertThat(spec.auxPrice()).isNull();
        assertThat(spec.trailingPercent()).isNull();
        assertThat(spec.trailStopPrice()).isNull();
        assertThat(spec.goodTillDate()).isNull();
        assertThat(spec.outsideRth()).isFalse();
    }

    @Test
    void stopPriceTravelsAsAuxPriceAndStopLimitIsIbsStpLmt() {
        OrderSpec stop = OrderSpecs.from(command(OrderType.STP, null, "95.50", null, null, TimeInForce.GTC, null, false), null);
        assertThat(stop.orderType()).isEqualTo("STP");
        assertThat(stop.auxPrice()).isEqualByComparingTo("95.50");
        assertThat(stop.limitPrice()).isNull();

        OrderSpec stopLimit = OrderSpecs.from(command(OrderType.STP_LMT, "95.00", "95.50", null, null, TimeInForce.DAY, null, true), null);
        assertThat(stopLimit.orderType()).isEqualTo("STP LMT");
        assertThat(stopLimit.auxPrice()).isEqualByComparingTo("95.50");
        assertThat(stopLimit.limitPrice()).isEqualByComparingTo("95.00");
        assertThat(stopLimit.outsideRth()).isTrue();
    }

    @Test
    void trailingAmountIsAuxPriceAndTheStopPriceIsTheInitialTrailStop() {
        OrderSpec spec = OrderSpecs.from(command(OrderType.TRAIL, null, "90.00", "2.50", null, TimeInForce.DAY, null, false), null);
        assertThat(spec.orderType()).isEqualTo("TRAIL");
        assertThat(spec.auxPrice()).isEqualByComparingTo("2.50");
        assertThat(spec.trailingPercent()).isNull();
        assertThat(spec.trailStopPrice()).isEqualByComparingTo("90.00");
    }

    @Test
    void trailingPercentTravelsAsTrailingPercentWithoutAuxPrice() {
        OrderSpec spec = OrderSpecs.from(command(OrderType.TRAIL, null, null, null, "1.5", TimeInForce.GTC, null, false), null);
        assertThat(spec.trailingPercent()).isEqualByComparingTo("1.5");
        assertThat(spec.auxPrice()).isNull();
        assertThat(spec.trailStopPrice()).isNull();
    }

    @Test
    void closeAuctionTypesKeepTheirNames() {
        assertThat(OrderSpecs.from(command(OrderType.MOC, null, null, null, null, TimeInForce.DAY, null, false), null).orderType())
                .isEqualTo("MOC");
        OrderSpec loc = OrderSpecs.from(command(OrderType.LOC, "101.00", null, null, null, TimeInForce.DAY, null, false), null);
        assertThat(loc.orderType()).isEqualTo("LOC");
        assertThat(loc.limitPrice()).isEqualByComparingTo("101.00");
    }

    @Test
    void everyTimeInForceKeepsItsName() {
        for (TimeInForce tif : new TimeInForce[] {TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.OPG}) {
            assertThat(OrderSpecs.from(command(OrderType.LMT, "10.00", null, null, null, tif, null, false), null).tif())
                    .isEqualTo(tif.name());
        }
    }

    @Test
    void gtdExpiryIsIbsUtcGoodTillDateCutToTheSecond() {
        Instant expireAt = Instant.parse("2026-12-01T20:59:30.750Z");
        OrderSpec spec = OrderSpecs.from(command(OrderType.LMT, "10.00", null, null, null, TimeInForce.GTD, expireAt, false), null);
        assertThat(spec.tif()).isEqualTo("GTD");
        assertThat(spec.goodTillDate()).isEqualTo("20261201-20:59:30");
        // The form the simulator (and IB) read back as the same instant.
        assertThat(io.oms.ib.wire.ExecTimes.parse(spec.goodTillDate(), java.time.ZoneId.of("US/Eastern")))
                .isEqualTo(Instant.parse("2026-12-01T20:59:30Z"));
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
