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

class WashTradeRuleTest {
    private final WashTradeRule rule = new WashTradeRule();

    @Test
    void deniesABuyLimitedAtOrAboveAWorkingSell() {
        var snapshot = snapshot().working(working("s1", Side.SELL, "10", "101")).build();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "5", "101"), snapshot, List.of()).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.WASH_TRADE);
        assertThat(denial.kind()).isEqualTo(DenialKind.COMPLIANCE);
        assertThat(denial.limit()).isEqualByComparingTo("101");
        assertThat(denial.message()).contains("s1");
        assertThat(rule.check(limitOrder(Side.BUY, "5", "100.99"), snapshot, List.of())).isEmpty();
    }

    @Test
    void deniesASellLimitedAtOrBelowAWorkingBuy() {
        var snapshot = snapshot().working(working("b1", Side.BUY, "10", "99")).build();
        assertThat(rule.check(limitOrder(Side.SELL, "5", "99"), snapshot, List.of())).isPresent();
        assertThat(rule.check(limitOrder(Side.SELL, "5", "99.01"), snapshot, List.of())).isEmpty();
    }

    @Test
    void aMarketOrderOnEitherSideCrossesAnyOppositeWorkingOrder() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().working(working("s1", Side.SELL, "1", "500")).build(),
                List.of())).isPresent();
        assertThat(rule.check(limitOrder(Side.BUY, "1", "1"), snapshot().working(working("s2", Side.SELL, "1", null)).build(),
                List.of())).isPresent();
    }

    @Test
    void sameSideAndOtherSymbolsDoNotCount() {
        var snapshot = snapshot().working(working("b1", Side.BUY, "10", "200"))
                .working(new io.oms.infra.risk.SnapshotOrder("m1", "MSFT", "SELL", "MKT", java.math.BigDecimal.ONE,
                        java.math.BigDecimal.ONE, null, "ROUTED", MIDDAY)).build();
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot, List.of())).isEmpty();
    }
}
