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

class RestrictedSymbolRuleTest {
    private final RestrictedSymbolRule rule = new RestrictedSymbolRule();

    @Test
    void deniesARestrictedSymbolAsCompliance() {
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().restricted("insider list").build(), List.of())
                .orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.RESTRICTED_SYMBOL);
        assertThat(denial.kind()).isEqualTo(DenialKind.COMPLIANCE);
        assertThat(denial.message()).contains("AAPL").contains("insider list");
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().restricted("").build(), List.of())).isPresent();
    }

    @Test
    void passesAnUnrestrictedSymbol() {
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().build(), List.of())).isEmpty();
    }
}
