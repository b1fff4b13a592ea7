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

class PositionLimitRuleTest {
    private final PositionLimitRule rule = new PositionLimitRule();
    private final List<RiskLimit> thousand = List.of(limit(LimitType.POSITION_LIMIT, "1000"));

    @Test
    void countsThePositionWorkingOrdersOnTheSameSideAndTheOrder() {
        var snapshot = snapshot().position(SYMBOL, "600", "100", "100")
                .working(working("w1", Side.BUY, "300", "99")).working(working("w2", Side.SELL, "500", "120"));
        assertThat(rule.check(limitOrder(Side.BUY, "100", "100"), snapshot.build(), thousand)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "101", "100"), snapshot.build(), thousand).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.POSITION_LIMIT);
        assertThat(denial.actual()).isEqualByComparingTo("1001");
        assertThat(denial.limit()).isEqualByComparingTo("1000");
    }

    @Test
    void aSellThatReducesALongPassesAndAShortBeyondTheLimitIsDenied() {
        var snapshot = snapshot().position(SYMBOL, "600", "100", "100").working(working("w1", Side.SELL, "400", "101"));
        assertThat(rule.check(limitOrder(Side.SELL, "1000", "100"), snapshot.build(), thousand)).isEmpty();
        assertThat(rule.check(limitOrder(Side.SELL, "1201", "100"), snapshot.build(), thousand).orElseThrow().actual())
                .isEqualByComparingTo("1001");
    }

    @Test
    void positionsInOtherSymbolsDoNotCount() {
        var snapshot = snapshot().position("MSFT", "5000", "10", "10");
        assertThat(rule.check(limitOrder(Side.BUY, "1000", "100"), snapshot.build(), thousand)).isEmpty();
    }
}
