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

class OpenOrdersRuleTest {
    private final OpenOrdersRule rule = new OpenOrdersRule();
    private final List<RiskLimit> three = List.of(limit(LimitType.OPEN_ORDERS, "3"));

    @Test
    void theOrderThatReachesTheLimitPassesTheNextIsDenied() {
        var snapshot = snapshot().working(working("w1", Side.BUY, "1", "90")).working(working("w2", Side.BUY, "1", "91"));
        assertThat(rule.check(limitOrder(Side.BUY, "1", "92"), snapshot.build(), three)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1", "92"),
                snapshot.working(working("w3", Side.SELL, "1", "130")).build(), three).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.OPEN_ORDERS_LIMIT);
        assertThat(denial.actual()).isEqualByComparingTo("4");
        assertThat(denial.limit()).isEqualByComparingTo("3");
    }
}
