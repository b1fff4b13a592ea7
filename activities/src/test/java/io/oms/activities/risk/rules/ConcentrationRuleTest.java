package io.oms.activities.risk.rules;

import static io.oms.activities.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.workflows.domain.Side;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcentrationRuleTest {
    private final ConcentrationRule rule = new ConcentrationRule();
    private final List<RiskLimit> quarter = List.of(limit(LimitType.MAX_CONCENTRATION_PCT, "25"));

    @Test
    void passesWithoutALimit() {
        assertThat(rule.check(limitOrder(Side.BUY, "1000000", "100"), snapshot().build(), List.of())).isEmpty();
    }

    @Test
    void whileTheBookIsBelowEquityMeasuresAgainstTheEquitySoAFirstPositionIsNotAHundredPercent() {
        Snapshot empty = snapshot().equity("100000");
        assertThat(rule.check(limitOrder(Side.BUY, "250", "100"), empty.build(), quarter)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "251", "100"), empty.build(), quarter).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.CONCENTRATION);
        assertThat(denial.actual()).isEqualByComparingTo("25.1");
        assertThat(denial.limit()).isEqualByComparingTo("25");
    }

    @Test
    void onceTheBookExceedsEquityMeasuresAgainstTheGrossExposure() {
        // 300,000 of MSFT on 100,000 equity: an AAPL order of 100,000 is 100,000 / 400,000 = 25 %.
        Snapshot levered = snapshot().equity("100000").position("MSFT", "3000", "100", null).price("MSFT", "100");
        assertThat(rule.check(limitOrder(Side.BUY, "1000", "100"), levered.build(), quarter)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "1010", "100"), levered.build(), quarter))
                .hasValueSatisfying(d -> assertThat(d.actual()).isGreaterThan(new java.math.BigDecimal("25")));
    }

    @Test
    void countsTheSymbolsPositionAndWorkingOrdersOnTheOrdersSide() {
        Snapshot held = snapshot().equity("100000").position(SYMBOL, "100", "90", "100").working(working("w1", Side.BUY, "100", "100"));
        assertThat(rule.check(limitOrder(Side.BUY, "50", "100"), held.build(), quarter)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "51", "100"), held.build(), quarter)).isPresent();
    }

    @Test
    void anOrderThatAddsNoExposurePassesEvenOverTheLimit() {
        Snapshot concentrated = snapshot().equity("100000").position(SYMBOL, "900", "90", "100");
        assertThat(rule.check(limitOrder(Side.SELL, "500", "100"), concentrated.build(), quarter)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), concentrated.build(), quarter)).isPresent();
    }

    @Test
    void failsClosedWithoutEquityOrAPrice() {
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().build(), quarter))
                .hasValueSatisfying(d -> assertThat(d.message()).contains("ACCOUNT_EQUITY"));
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().equity("100000").lastPrice(null).build(), quarter))
                .hasValueSatisfying(d -> assertThat(d.actual()).isNull());
    }
}
