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
 * POSITION_LIMIT: the absolute position the symbol would reach if this order and every working order on its
 * side filled (working orders count from the moment they exist).
 */
public final class PositionLimitRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.POSITION_LIMIT;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.POSITION_LIMIT;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty()) return Optional.empty();
        BigDecimal working = snapshot.working(order.symbol(), order.side().name());
        BigDecimal sameSide = order.side().sign() > 0 ? working : working.negate();
        BigDecimal resulting = snapshot.position(order.symbol()).add(sameSide).add(order.signedQuantity()).abs();
        return Breaches.above(DenialReason.POSITION_LIMIT, limits, resulting, "resulting position in " + order.symbol());
    }
}
