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

class MaxOrderQtyRuleTest {
    private final MaxOrderQtyRule rule = new MaxOrderQtyRule();

    @Test
    void passesAtExactlyTheLimitAndWithoutAnyLimit() {
        assertThat(rule.check(limitOrder(Side.BUY, "100", "100"), snapshot().build(),
                List.of(limit(LimitType.MAX_ORDER_QTY, "100")))).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "1000000", "100"), snapshot().build(), List.of())).isEmpty();
    }

    @Test
    void deniesAboveTheTightestLimitWithItsNumbers() {
        RiskLimit tight = limit(LimitType.MAX_ORDER_QTY, "50");
        RiskDenial denial = rule.check(limitOrder(Side.SELL, "100.5", "100"), snapshot().build(),
                List.of(tight, limit(LimitType.MAX_ORDER_QTY, "80"))).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.MAX_ORDER_QTY);
        assertThat(denial.kind()).isEqualTo(DenialKind.RISK);
        assertThat(denial.limit()).isEqualByComparingTo("50");
        assertThat(denial.actual()).isEqualByComparingTo("100.5");
        assertThat(denial.limitId()).isEqualTo(tight.id().toString());
        assertThat(denial.message()).contains("100.5").contains("50");
    }
}
