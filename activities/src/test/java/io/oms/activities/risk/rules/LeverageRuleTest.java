package io.oms.activities.risk.rules;

import static io.oms.activities.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.workflows.domain.Side;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeverageRuleTest {
    private final LeverageRule rule = new LeverageRule();
    private final List<RiskLimit> twice = List.of(limit(LimitType.MAX_LEVERAGE, "2"));

    /** 100,000 equity and a 100,000 MSFT position: leverage 1 before the order. */
    private Snapshot oneTimesLevered() {
        return snapshot().equity("100000").position("MSFT", "1000", "90", null).price("MSFT", "100");
    }

    @Test
    void passesWithoutALimitEvenWithoutEquity() {
        assertThat(rule.check(limitOrder(Side.BUY, "1000000", "100"), snapshot().build(), List.of())).isEmpty();
    }

    @Test
    void deniesAGrossExposureAboveTheLimitTimesEquityAndPassesOneExactlyAtIt() {
        assertThat(rule.check(limitOrder(Side.BUY, "1000", "100"), oneTimesLevered().build(), twice)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1001", "100"), oneTimesLevered().build(), twice).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.LEVERAGE);
        assertThat(denial.kind()).isEqualTo(DenialKind.RISK);
        assertThat(denial.limit()).isEqualByComparingTo("2");
        assertThat(denial.actual()).isEqualByComparingTo("2.001");
    }

    @Test
    void countsShortPositionsAndWorkingOrdersByTheirAbsoluteValue() {
        // -1000 MSFT short (100,000) and a working buy of 400 AAPL at 100 (40,000): 140,000 before the order.
        Snapshot book = snapshot().equity("100000").position("MSFT", "-1000", "100", null).price("MSFT", "100")
                .working(working("w1", Side.BUY, "400", "100"));
        assertThat(rule.check(limitOrder(Side.BUY, "600", "100"), book.build(), twice)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "601", "100"), book.build(), twice)).isPresent();
    }

    @Test
    void anOrderThatAddsNoExposurePassesEvenOverTheLimit() {
        Snapshot overLevered = snapshot().equity("100000").position(SYMBOL, "3000", "90", "100");
        assertThat(rule.check(limitOrder(Side.SELL, "1000", "100"), overLevered.build(), twice)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), overLevered.build(), twice)).isPresent();
        assertThat(rule.check(limitOrder(Side.SELL, "6001", "100"), overLevered.build(), twice))
                .as("a sell past flat opens a short larger than the long").isPresent();
    }

    @Test
    void failsClosedWithoutPositiveEquity() {
        RiskDenial unknown = rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().build(), twice).orElseThrow();
        assertThat(unknown.actual()).isNull();
        assertThat(unknown.message()).contains("ACCOUNT_EQUITY");
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().equity("0").build(), twice)).isPresent();
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().equity("-5").build(), twice)).isPresent();
    }

    @Test
    void failsClosedWhenTheOrderOrTheAccountsExposureCannotBeValued() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().equity("100000").lastPrice(null).build(), twice))
                .hasValueSatisfying(d -> assertThat(d.message()).contains("no price", SYMBOL));
        Snapshot unpriced = snapshot().equity("100000").position("XYZ", "10", "5", null);
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), unpriced.build(), twice))
                .hasValueSatisfying(d -> assertThat(d.message()).contains("XYZ"));
    }
}
