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
import io.oms.infra.risk.SnapshotOrder;
import java.math.BigDecimal;

class DuplicateOrderRuleTest {
    private final DuplicateOrderRule rule = new DuplicateOrderRule();

    private static SnapshotOrder sent(String id, int secondsAgo, String qty, String price, String state) {
        return new SnapshotOrder(id, SYMBOL, "BUY", "LMT", new BigDecimal(qty), new BigDecimal(qty), new BigDecimal(price),
                state, MIDDAY.minusSeconds(secondsAgo));
    }

    private static final List<RiskLimit> FIVE_SECONDS = List.of(limit(LimitType.DUPLICATE_WINDOW, "5"));

    @Test
    void isOffWithoutADuplicateWindowLimit() {
        var snapshot = snapshot().recent(sent("o1", 1, "10", "100.5", "ROUTED")).build();
        assertThat(rule.check(limitOrder(Side.BUY, "10", "100.5"), snapshot, List.of())).isEmpty();
    }

    @Test
    void deniesTheSameOrderWithinTheWindowComparingNumbersByValue() {
        var snapshot = snapshot().recent(sent("o1", 4, "10.0", "100.50", "ROUTED")).build();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "10", "100.5"), snapshot, FIVE_SECONDS).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.DUPLICATE_ORDER);
        assertThat(denial.kind()).isEqualTo(DenialKind.COMPLIANCE);
        assertThat(denial.limit()).isEqualByComparingTo("5");
        assertThat(denial.actual()).isEqualByComparingTo("4");
        assertThat(denial.message()).contains("o1");
    }

    @Test
    void passesOutsideTheWindowOrWithAnyTermChanged() {
        assertThat(rule.check(limitOrder(Side.BUY, "10", "100.5"), snapshot().recent(sent("o1", 5, "10", "100.5", "ROUTED"))
                .build(), FIVE_SECONDS)).isEmpty();
        var snapshot = snapshot().recent(sent("o1", 1, "10", "100.5", "ROUTED")).build();
        assertThat(rule.check(limitOrder(Side.BUY, "11", "100.5"), snapshot, FIVE_SECONDS)).isEmpty();
        assertThat(rule.check(limitOrder(Side.BUY, "10", "100.51"), snapshot, FIVE_SECONDS)).isEmpty();
        assertThat(rule.check(limitOrder(Side.SELL, "10", "100.5"), snapshot, FIVE_SECONDS)).isEmpty();
        assertThat(rule.check(marketOrder(Side.BUY, "10"), snapshot, FIVE_SECONDS)).isEmpty();
    }

    @Test
    void aWiderWindowLimitAppliesAndDeniedOrRejectedOrdersDoNotCount() {
        List<RiskLimit> minute = List.of(limit(LimitType.DUPLICATE_WINDOW, "10"), limit(LimitType.DUPLICATE_WINDOW, "60"));
        assertThat(rule.check(limitOrder(Side.BUY, "10", "100.5"), snapshot().recent(sent("o1", 59, "10", "100.5", "FILLED"))
                .build(), minute).orElseThrow().limit()).isEqualByComparingTo("60");
        assertThat(rule.check(limitOrder(Side.BUY, "10", "100.5"), snapshot().recent(sent("o1", 1, "10", "100.5", "REJECTED"))
                .recent(sent("o2", 1, "10", "100.5", "DENIED")).build(), minute)).isEmpty();
    }
}
