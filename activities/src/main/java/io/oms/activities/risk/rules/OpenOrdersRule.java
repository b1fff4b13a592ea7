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

/** OPEN_ORDERS_LIMIT: the account's working orders with this one. */
public final class OpenOrdersRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.OPEN_ORDERS;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.OPEN_ORDERS_LIMIT;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        BigDecimal count = BigDecimal.valueOf(snapshot.workingOrders().size() + 1L);
        return Breaches.above(DenialReason.OPEN_ORDERS_LIMIT, limits, count, "working orders of " + order.account());
    }
}
