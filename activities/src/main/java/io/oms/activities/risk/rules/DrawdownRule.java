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
 * DRAWDOWN: today's P&L fallen from the day's peak by more than the limit. The peak is the highest day P&L any risk
 * check or P&L snapshot of the account has seen today ({@code risk_day_peaks}), so falls between two checks are
 * seen only as far as the P&L at those checks shows them. Skipped (passes) for a snapshot without a peak.
 */
public final class DrawdownRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.DRAWDOWN;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.DRAWDOWN;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (snapshot.dayPeakPnl() == null) return Optional.empty();
        BigDecimal fall = snapshot.dayPeakPnl().subtract(snapshot.dayPnl()).max(BigDecimal.ZERO);
        return Breaches.above(DenialReason.DRAWDOWN, limits, fall, "drawdown from today's peak of " + order.account());
    }
}
