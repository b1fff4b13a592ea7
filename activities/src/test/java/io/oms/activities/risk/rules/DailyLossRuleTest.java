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

class DailyLossRuleTest {
    private final DailyLossRule rule = new DailyLossRule();
    private final List<RiskLimit> thousand = List.of(limit(LimitType.DAILY_LOSS, "1000"));

    @Test
    void countsRealizedUnrealizedAndCommissionsAndPassesAtExactlyTheLimit() {
        // realized -700, unrealized (95 - 100) x 50 = -250, commissions 50: -1000
        var snapshot = snapshot().realized("-700").commissions("50").position(SYMBOL, "50", "100", "95");
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot.build(), thousand)).isEmpty();
        RiskDenial denial = rule.check(marketOrder(Side.BUY, "1"), snapshot.commissions("50.01").build(), thousand)
                .orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.DAILY_LOSS);
        assertThat(denial.actual()).isEqualByComparingTo("1000.01");
        assertThat(denial.limit()).isEqualByComparingTo("1000");
    }

    @Test
    void aProfitableDayPasses() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().realized("5000").build(), thousand)).isEmpty();
    }
}
