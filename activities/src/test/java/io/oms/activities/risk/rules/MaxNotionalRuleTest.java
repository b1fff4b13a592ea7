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

class MaxNotionalRuleTest {
    private final MaxNotionalRule rule = new MaxNotionalRule();
    private final List<RiskLimit> tenThousand = List.of(limit(LimitType.MAX_NOTIONAL, "10000"));

    @Test
    void valuesALimitOrderAtItsLimitPriceAndPassesAtExactlyTheLimit() {
        assertThat(rule.check(limitOrder(Side.BUY, "100", "100.00"), snapshot().lastPrice("500").build(), tenThousand)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "100", "100.01"), snapshot().lastPrice("1").build(), tenThousand)
                .orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.MAX_NOTIONAL);
        assertThat(denial.actual()).isEqualByComparingTo("10001");
        assertThat(denial.limit()).isEqualByComparingTo("10000");
    }

    @Test
    void valuesAMarketOrderAtTheLastPrice() {
        assertThat(rule.check(marketOrder(Side.SELL, "100"), snapshot().lastPrice("99.99").build(), tenThousand)).isEmpty();
        assertThat(rule.check(marketOrder(Side.SELL, "100"), snapshot().lastPrice("100.5").build(), tenThousand)
                .orElseThrow().actual()).isEqualByComparingTo("10050");
    }

    @Test
    void refusesAMarketOrderWithoutAnyPriceToValueItAt() {
        RiskDenial denial = rule.check(marketOrder(Side.BUY, "1"), snapshot().lastPrice(null).build(), tenThousand).orElseThrow();
        assertThat(denial.actual()).isNull();
        assertThat(denial.message()).contains("no price");
    }

    @Test
    void doesNothingWithoutALimit() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().lastPrice(null).build(), List.of())).isEmpty();
    }
}
