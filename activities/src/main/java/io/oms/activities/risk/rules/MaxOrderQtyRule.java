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

/** MAX_ORDER_QTY: the order's quantity against the tightest quantity limit. */
public final class MaxOrderQtyRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.MAX_ORDER_QTY;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.MAX_ORDER_QTY;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        return Breaches.above(DenialReason.MAX_ORDER_QTY, limits, order.quantity(), "order quantity");
    }
}
