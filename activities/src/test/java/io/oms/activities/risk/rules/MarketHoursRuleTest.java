package io.oms.activities.risk.rules;

import static io.oms.activities.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.domain.UsEquityCalendar;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketHoursRuleTest {
    private final MarketHoursRule rule = new MarketHoursRule();

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UsEquityCalendar.ZONE).toInstant();
    }

    private static OrderIntent order(OrderType type, TimeInForce tif, boolean outsideRth) {
        return new OrderIntent(TENANT, "new-1", ACCOUNT, SYMBOL, Side.BUY, type, tif, BigDecimal.ONE,
                type == OrderType.LMT ? BigDecimal.TEN : null, null, outsideRth, null, null);
    }

    private Optional<RiskDenial> at(String localDateTime, OrderIntent order) {
        return rule.check(order, snapshot().at(newYork(localDateTime)).build(), List.of());
    }

    private static final OrderIntent MKT = order(OrderType.MKT, TimeInForce.DAY, false);
    private static final OrderIntent LMT = order(OrderType.LMT, TimeInForce.DAY, false);
    private static final OrderIntent LMT_OUTSIDE_RTH = order(OrderType.LMT, TimeInForce.DAY, true);

    @Test
    void everyOrderPassesInTheRegularSessionOpenInclusiveCloseExclusive() {
        assertThat(at("2025-03-04T09:30:00", MKT)).isEmpty();
        assertThat(at("2025-03-04T15:59:59", MKT)).isEmpty();
        RiskDenial denial = at("2025-03-04T16:00:00", MKT).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.MARKET_CLOSED);
        assertThat(denial.kind()).isEqualTo(DenialKind.COMPLIANCE);
    }

    @Test
    void anEarlyCloseDayEndsTheRegularSessionAt13() {
        // 2025-11-28, the day after Thanksgiving
        assertThat(at("2025-11-28T12:59:59", MKT)).isEmpty();
        assertThat(at("2025-11-28T13:00:00", MKT).orElseThrow().message()).contains("09:30-13:00");
        assertThat(at("2025-11-28T16:30:00", LMT_OUTSIDE_RTH)).isEmpty();
        assertThat(at("2025-11-28T17:00:00", LMT_OUTSIDE_RTH)).isPresent();
    }

    @Test
    void holidaysAndWeekendsHaveNoSessionAtAll() {
        assertThat(at("2025-07-04T11:00:00", MKT).orElseThrow().message()).contains("not a trading day");
        assertThat(at("2025-12-25T11:00:00", LMT_OUTSIDE_RTH)).isPresent();
        assertThat(at("2025-03-08T11:00:00", LMT_OUTSIDE_RTH)).isPresent();
    }

    @Test
    void aLimitOrderWithOutsideRthTradesInTheExtendedSession() {
        assertThat(at("2025-03-04T04:00:00", LMT_OUTSIDE_RTH)).isEmpty();
        assertThat(at("2025-03-04T19:59:59", LMT_OUTSIDE_RTH)).isEmpty();
        assertThat(at("2025-03-04T03:59:59", LMT_OUTSIDE_RTH).orElseThrow().message()).contains("extended session");
        assertThat(at("2025-03-04T20:00:00", LMT_OUTSIDE_RTH)).isPresent();
    }

    @Test
    void withoutOutsideRthOrAsAMarketOrderNothingTradesOutsideTheRegularSession() {
        assertThat(at("2025-03-04T08:00:00", LMT).orElseThrow().message()).contains("outsideRth");
        assertThat(at("2025-03-04T08:00:00", order(OrderType.MKT, TimeInForce.DAY, true)).orElseThrow().message())
                .contains("never MKT");
        assertThat(at("2025-03-04T17:00:00", order(OrderType.STP, TimeInForce.GTC, true))).isPresent();
    }

    @Test
    void anOpeningAuctionOrderIsTakenOnlyBeforeTheOpen() {
        OrderIntent opg = order(OrderType.LMT, TimeInForce.OPG, false);
        assertThat(at("2025-03-04T09:29:59", opg)).isEmpty();
        assertThat(at("2025-03-04T09:30:00", opg).orElseThrow().message()).contains("opening auction");
        assertThat(at("2025-07-04T08:00:00", opg)).isPresent();
    }
}
