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

class PriceCollarRuleTest {
    private final PriceCollarRule rule = new PriceCollarRule();
    private final List<RiskLimit> fivePercent = List.of(limit(LimitType.PRICE_COLLAR_PCT, "5"));

    @Test
    void passesALimitExactlyAtTheCollarOnEitherSide() {
        assertThat(rule.check(limitOrder(Side.BUY, "1", "105"), snapshot().lastPrice("100").build(), fivePercent)).isEmpty();
        assertThat(rule.check(limitOrder(Side.SELL, "1", "95"), snapshot().lastPrice("100").build(), fivePercent)).isEmpty();
    }

    @Test
    void deniesALimitFurtherAwayWithThePercent() {
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1", "110"), snapshot().lastPrice("100").build(), fivePercent)
                .orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.PRICE_COLLAR);
        assertThat(denial.actual()).isEqualByComparingTo("10");
        assertThat(denial.limit()).isEqualByComparingTo("5");
        assertThat(rule.check(limitOrder(Side.SELL, "1", "94.99"), snapshot().lastPrice("100").build(), fivePercent)
                .orElseThrow().actual()).isEqualByComparingTo("5.01");
    }

    @Test
    void failsClosedForAMarketOrderWithoutAReferencePrice() {
        RiskDenial denial = rule.check(marketOrder(Side.BUY, "1"), snapshot().lastPrice(null).build(), fivePercent).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.PRICE_COLLAR);
        assertThat(denial.actual()).isNull();
        assertThat(denial.message()).contains("fail closed");
    }

    @Test
    void passesAMarketOrderWithAReferencePriceAndALimitOrderWithoutOne() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().lastPrice("100").build(), fivePercent)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "1", "500"), snapshot().lastPrice(null).build(), fivePercent)).isEmpty();
    }
}
