package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder refuses the order-type/TIF combinations IB would reject, before they reach the wire. */
class PlaceOrderBuilderTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    private static PlaceOrder build(UnaryOperator<PlaceOrderBuilder> f) {
        return f.apply(PlaceOrder.builder(1, "AAPL").buy(d("10"))).build();
    }

    @Test
    void defaultsArePlainUsStockDayOrders() {
        PlaceOrder o = build(PlaceOrderBuilder::market);
        assertThat(o).isEqualTo(new PlaceOrder(1, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("10"), "MKT",
                null, null, "DAY", null, null, true, false, null, null, null));
    }

    @Test
    void missingPricesAreRefused() {
        assertThatThrownBy(() -> build(b -> b.limit(null))).hasMessageContaining("LMT needs a limit price");
        assertThatThrownBy(() -> build(b -> b.limitOnClose(null))).hasMessageContaining("LOC needs");
        assertThatThrownBy(() -> build(b -> b.stop(null))).hasMessageContaining("STP needs");
        assertThatThrownBy(() -> build(b -> b.stopLimit(d("1"), null))).hasMessageContaining("STP LMT needs");
        assertThatThrownBy(() -> build(b -> b.trailAmount(null))).hasMessageContaining("TRAIL needs exactly one");
        assertThatThrownBy(() -> build(b -> b.trailPercent(d("1")).type("TRAIL", null, d("2"))))
                .hasMessageContaining("TRAIL needs exactly one");
        assertThatThrownBy(() -> PlaceOrder.builder(1, "AAPL").market().build()).hasMessageContaining("quantity");
        assertThatThrownBy(() -> build(b -> b.market().side("BUY", d("0")))).hasMessageContaining("quantity");
    }

    @Test
    void trailingFieldsOnlyOnTrailOrders() {
        assertThatThrownBy(() -> build(b -> b.limit(d("1")).trailStopPrice(d("2")))).hasMessageContaining("trailStopPrice");
        assertThatThrownBy(() -> build(b -> b.trailPercent(d("1")).limit(d("2")))).hasMessageContaining("trailingPercent");
        assertThat(build(b -> b.trailPercent(d("1")).trailAmount(d("0.5"))).trailingPercent()).isNull();
    }

    @Test
    void gtdAndGoodTillDateGoTogether() {
        assertThatThrownBy(() -> build(b -> b.market().tif("GTD"))).hasMessageContaining("GTD and goodTillDate");
        assertThat(build(b -> b.market().goodTill("20261231 16:00:00").tif("DAY")).goodTillDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-31 16:00:00", "20261231", "20261231 25:00:00", "20260231 10:00:00",
            "20261231-21:00:00 UTC", "20261231  16:00:00", "20261231 16:00:00 "})
    void malformedGoodTillDatesAreRefused(String gtd) {
        assertThatThrownBy(() -> build(b -> b.market().goodTill(gtd))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261231 16:00:00", "20261231 16:00:00 US/Eastern", "20261231-21:00:00",
            "20280229 09:30:00 Europe/London"})
    void ibGoodTillDateFormsAreAccepted(String gtd) {
        assertThat(build(b -> b.market().goodTill(gtd)).goodTillDate()).isEqualTo(gtd);
    }
}
