package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.OrderRow;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.OrderView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRowsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T14:30:00Z");

    private static OrderView view(OrderType type, String limit, String stop, String amount, String percent,
                                  TimeInForce tif, Instant expireAt, boolean outsideRth) {
        return new OrderView(new OrderId(UUID.randomUUID()), new TenantId("demo"), new ClientOrderId("c-1"), "DU1", "AAPL",
                Side.SELL, type, new BigDecimal("100"), dec(limit), dec(stop), dec(amount), dec(percent), tif, expireAt,
                outsideRth, OrderState.ROUTED, BigDecimal.ZERO, null, 7, 99L, null, 2, T0, T0);
    }

    @Test
    void stopLimitGtdOutsideRthSurvivesTheRoundTrip() {
        OrderView v = view(OrderType.STP_LMT, "99.50", "100.00", null, null, TimeInForce.GTD, T0.plusSeconds(3600), true);
        OrderRow row = OrderRows.toRow(v);
        assertThat(row.type()).isEqualTo("STP_LMT");
        assertThat(row.stopPrice()).isEqualByComparingTo("100.00");
        assertThat(row.expireAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(row.outsideRth()).isTrue();
        assertThat(OrderRows.toView(row)).isEqualTo(v);
    }

    @Test
    void trailingStopsByAmountAndByPercentSurviveTheRoundTrip() {
        OrderView byAmount = view(OrderType.TRAIL, null, "95.00", "1.25", null, TimeInForce.GTC, null, false);
        OrderView byPercent = view(OrderType.TRAIL, null, null, null, "2.5", TimeInForce.DAY, null, false);
        assertThat(OrderRows.toView(OrderRows.toRow(byAmount))).isEqualTo(byAmount);
        assertThat(OrderRows.toView(OrderRows.toRow(byPercent))).isEqualTo(byPercent);
        assertThat(OrderRows.toRow(byPercent).trailPercent()).isEqualByComparingTo("2.5");
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
