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
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.SnapshotOrder;
import java.math.BigDecimal;

class OrderRateRuleTest {
    private final OrderRateRule rule = new OrderRateRule();

    private static SnapshotOrder sentSecondsAgo(int seconds, String state) {
        return new SnapshotOrder("r" + seconds, SYMBOL, "BUY", "LMT", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, state,
                MIDDAY.minusSeconds(seconds));
    }

    @Test
    void countsOnlyOrdersInsideThePeriodAndNotThoseTheOmsDenied() {
        List<RiskLimit> threePerTenSeconds = List.of(limit(LimitScope.ACCOUNT, ACCOUNT, LimitType.ORDER_RATE, "3", 10));
        var snapshot = snapshot().recent(sentSecondsAgo(1, "ROUTED")).recent(sentSecondsAgo(9, "FILLED"))
                .recent(sentSecondsAgo(10, "ROUTED")).recent(sentSecondsAgo(2, "DENIED"));
        assertThat(rule.check(limitOrder(Side.BUY, "1", "10"), snapshot.build(), threePerTenSeconds)).isEmpty();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1", "10"), snapshot.recent(sentSecondsAgo(3, "NEW")).build(),
                threePerTenSeconds).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.ORDER_RATE);
        assertThat(denial.actual()).isEqualByComparingTo("4");
        assertThat(denial.limit()).isEqualByComparingTo("3");
    }

    @Test
    void eachLimitIsCheckedOverItsOwnPeriod() {
        RiskLimit perSecond = limit(LimitScope.TENANT, null, LimitType.ORDER_RATE, "5", 1);
        RiskLimit perMinute = limit(LimitScope.TENANT, null, LimitType.ORDER_RATE, "2", 60);
        var snapshot = snapshot().recent(sentSecondsAgo(30, "ROUTED")).recent(sentSecondsAgo(40, "ROUTED")).build();
        RiskDenial denial = rule.check(limitOrder(Side.BUY, "1", "10"), snapshot, List.of(perMinute, perSecond)).orElseThrow();
        assertThat(denial.limitId()).isEqualTo(perMinute.id().toString());
    }

    @Test
    void saysHowLongUntilEnoughOrdersLeaveThePeriod() {
        var snapshot = snapshot().recent(sentSecondsAgo(30, "ROUTED")).recent(sentSecondsAgo(40, "ROUTED")).build();
        RiskLimit twoPerMinute = limit(LimitScope.TENANT, null, LimitType.ORDER_RATE, "2", 60);
        RiskLimit onePerMinute = limit(LimitScope.TENANT, null, LimitType.ORDER_RATE, "1", 60);
        // one over: the oldest (40 s ago) leaves in 20 s; two over: the second oldest (30 s ago) leaves in 30 s
        assertThat(rule.check(limitOrder(Side.BUY, "1", "10"), snapshot, List.of(twoPerMinute)).orElseThrow()
                .retryAfterSeconds()).isEqualTo(20L);
        assertThat(rule.check(limitOrder(Side.BUY, "1", "10"), snapshot, List.of(onePerMinute)).orElseThrow()
                .retryAfterSeconds()).isEqualTo(30L);
    }

    @Test
    void aStrategyLimitCountsTheStrategysOrdersInEveryAccountAndOnlyThose() {
        RiskLimit twoPerMinute = limit(LimitScope.STRATEGY, "momo", LimitType.ORDER_RATE, "2", 60);
        var intent = new io.oms.workflows.risk.OrderIntent(TENANT, "new", ACCOUNT, SYMBOL, Side.BUY,
                io.oms.workflows.domain.OrderType.LMT, io.oms.workflows.domain.TimeInForce.DAY, BigDecimal.ONE,
                BigDecimal.TEN, null, false, "momo", "user:1");
        SnapshotOrder otherAccount = new SnapshotOrder("s1", SYMBOL, "BUY", "LMT", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.TEN, "ROUTED", MIDDAY.minusSeconds(10), "momo", "user:2");
        SnapshotOrder sameAccount = new SnapshotOrder("s2", SYMBOL, "BUY", "LMT", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.TEN, "FILLED", MIDDAY.minusSeconds(5), "momo", "user:1");
        // three unrelated orders of the account do not count against the strategy
        var unrelated = snapshot().recent(sentSecondsAgo(1, "ROUTED")).recent(sentSecondsAgo(2, "ROUTED"))
                .recent(sentSecondsAgo(3, "ROUTED"));
        assertThat(rule.check(intent, unrelated.ofOwner(otherAccount).build(), List.of(twoPerMinute))).isEmpty();
        RiskDenial denial = rule.check(intent, snapshot().ofOwner(otherAccount).ofOwner(sameAccount).build(),
                List.of(twoPerMinute)).orElseThrow();
        assertThat(denial.actual()).isEqualByComparingTo("3");
        assertThat(denial.message()).contains("strategy momo");
        assertThat(denial.retryAfterSeconds()).isEqualTo(50L); // the order 10 s ago leaves the minute in 50 s
    }
}
