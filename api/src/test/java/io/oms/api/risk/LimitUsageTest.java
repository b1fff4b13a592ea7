package io.oms.api.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.risk.HeldPosition;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LimitUsageTest {
    private static final Instant NOW = Instant.parse("2025-03-04T16:00:00Z");

    private static RiskLimit limit(LimitScope scope, String value, LimitType type, String limit, Integer period) {
        return new RiskLimit(UUID.randomUUID(), "t", scope, value, type, new BigDecimal(limit), period, "x", NOW, NOW);
    }

    private static SnapshotOrder working(String symbol, String side, String remaining, int secondsAgo) {
        return new SnapshotOrder("c-" + symbol + side, symbol, side, "LMT", new BigDecimal(remaining), new BigDecimal(remaining),
                BigDecimal.TEN, "ROUTED", NOW.minusSeconds(secondsAgo));
    }

    private static final RiskSnapshot SNAPSHOT = new RiskSnapshot("t", "A1", null, NOW, List.of(),
            List.of(new HeldPosition("AAPL", new BigDecimal("100"), BigDecimal.TEN, new BigDecimal("8")),
                    new HeldPosition("MSFT", new BigDecimal("-700"), BigDecimal.TEN, BigDecimal.TEN)),
            List.of(working("AAPL", "BUY", "50", 10), working("MSFT", "SELL", "100", 120), working("IBM", "BUY", "10", 5)),
            List.of(working("AAPL", "BUY", "50", 10), working("IBM", "BUY", "10", 5)),
            null, null, new BigDecimal("-1000"), new BigDecimal("10"), null);

    @Test
    void anAccountWidePositionLimitIsUsedByTheLargestSymbolExposure() {
        LimitUsage usage = LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.POSITION_LIMIT, "500", null), SNAPSHOT);
        assertThat(usage.usage()).as("MSFT: -700 held - 100 selling").isEqualTo("800");
        assertThat(usage.headroom()).as("over the limit").isEqualTo("-300");
        assertThat(LimitUsage.of(limit(LimitScope.INSTRUMENT, "AAPL", LimitType.POSITION_LIMIT, "500", null), SNAPSHOT).usage())
                .isEqualTo("150");
    }

    @Test
    void countsWorkingOrdersRecentOrdersAndTodaysLoss() {
        assertThat(LimitUsage.of(limit(LimitScope.ACCOUNT, "A1", LimitType.OPEN_ORDERS, "10", null), SNAPSHOT).usage()).isEqualTo("3");
        assertThat(LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.ORDER_RATE, "10", 8), SNAPSHOT).usage()).isEqualTo("1");
        // -1000 realized + (8 - 10) x 100 unrealized - 10 commissions
        LimitUsage loss = LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.DAILY_LOSS, "2000", null), SNAPSHOT);
        assertThat(loss.usage()).isEqualTo("1210");
        assertThat(loss.headroom()).isEqualTo("790");
    }

    @Test
    void perOrderUnmeasuredAndStrategyLimitsHaveANoteInsteadOfUsage() {
        for (RiskLimit limit : List.of(limit(LimitScope.TENANT, null, LimitType.MAX_NOTIONAL, "1", null),
                limit(LimitScope.TENANT, null, LimitType.DRAWDOWN, "1", null),
                limit(LimitScope.STRATEGY, "s1", LimitType.OPEN_ORDERS, "1", null))) {
            LimitUsage usage = LimitUsage.of(limit, SNAPSHOT);
            assertThat(usage.usage()).isNull();
            assertThat(usage.headroom()).isNull();
            assertThat(usage.note()).isNotBlank();
        }
    }

    /** SNAPSHOT with 4,700 equity and a recorded peak of 0: its book is AAPL 1,300 + MSFT 8,000 + IBM 100 = 9,400. */
    private static final RiskSnapshot WITH_EQUITY = new RiskSnapshot("t", "A1", null, NOW, List.of(), SNAPSHOT.positions(),
            SNAPSHOT.workingOrders(), SNAPSHOT.recentOrders(), null, null, new BigDecimal("-1000"), new BigDecimal("10"),
            BigDecimal.ZERO, null, null, new BigDecimal("4700"), Map.of());

    @Test
    void leverageIsTheGrossExposureValueOverEquity() {
        LimitUsage usage = LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.MAX_LEVERAGE, "3", null), WITH_EQUITY);
        assertThat(usage.usage()).isEqualTo("2");
        assertThat(usage.headroom()).isEqualTo("1");
        LimitUsage unknown = LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.MAX_LEVERAGE, "3", null), SNAPSHOT);
        assertThat(unknown.usage()).isNull();
        assertThat(unknown.note()).contains("ACCOUNT_EQUITY", "denied");
    }

    @Test
    void concentrationIsTheLargestSymbolsShareOfTheBookOrTheNamedSymbols() {
        assertThat(LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.MAX_CONCENTRATION_PCT, "50", null), WITH_EQUITY)
                .usage()).as("MSFT: 8,000 / 9,400").isEqualTo("85.11");
        assertThat(LimitUsage.of(limit(LimitScope.INSTRUMENT, "AAPL", LimitType.MAX_CONCENTRATION_PCT, "50", null), WITH_EQUITY)
                .usage()).as("AAPL: 1,300 / 9,400").isEqualTo("13.83");
        assertThat(LimitUsage.of(limit(LimitScope.ASSET_CLASS, "STK", LimitType.MAX_CONCENTRATION_PCT, "50", null), WITH_EQUITY)
                .note()).contains("asset class");
    }

    @Test
    void drawdownIsTheFallFromTheRecordedPeakAndEquityIsAFigureNotACeiling() {
        LimitUsage drawdown = LimitUsage.of(limit(LimitScope.TENANT, null, LimitType.DRAWDOWN, "1000", null), WITH_EQUITY);
        assertThat(drawdown.usage()).isEqualTo("1210");
        assertThat(drawdown.headroom()).isEqualTo("-210");
        LimitUsage equity = LimitUsage.of(limit(LimitScope.ACCOUNT, "A1", LimitType.ACCOUNT_EQUITY, "4700", null), WITH_EQUITY);
        assertThat(equity.usage()).isNull();
        assertThat(equity.note()).contains("not a ceiling");
    }
}
