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

class DrawdownRuleTest {
    private final DrawdownRule rule = new DrawdownRule();
    private final List<RiskLimit> fiveHundred = List.of(limit(LimitType.DRAWDOWN, "500"));

    @Test
    void isSkippedForASnapshotWithoutAPeak() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().realized("-100000").build(), fiveHundred)).isEmpty();
    }

    @Test
    void deniesAFallFromThePeakAboveTheLimitAndPassesOneExactlyAtIt() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().peak("800").realized("300").build(), fiveHundred)).isEmpty();
        RiskDenial denial = rule.check(marketOrder(Side.BUY, "1"), snapshot().peak("800").realized("299").build(), fiveHundred)
                .orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.DRAWDOWN);
        assertThat(denial.actual()).isEqualByComparingTo("501");
    }
}
