package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * DAILY_LOSS: today's P&L (realized + unrealized - commissions) below minus the limit denies every new order of
 * the account; a loss exactly at the limit passes. (Letting exposure-reducing orders through is the kill
 * switch's REDUCING state, not this rule.)
 */
public final class DailyLossRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.DAILY_LOSS;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.DAILY_LOSS;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        BigDecimal loss = snapshot.dayPnl().negate();
        return Breaches.above(DenialReason.DAILY_LOSS, limits, loss, "today's loss of " + order.account());
    }
}
