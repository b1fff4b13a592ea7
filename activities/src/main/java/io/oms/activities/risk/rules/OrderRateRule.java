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
 * ORDER_RATE: orders of the account within each limit's period, this one included (orders the OMS denied do not
 * count). Each limit has its own period, so each is checked; the first broken one denies.
 */
public final class OrderRateRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.ORDER_RATE;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        for (RiskLimit limit : limits) {
            BigDecimal count = BigDecimal.valueOf(snapshot.ordersWithin(limit.periodSeconds()) + 1);
            Optional<RiskDenial> denial = Breaches.above(DenialReason.ORDER_RATE, List.of(limit), count,
                    "orders of " + order.account() + " in " + limit.periodSeconds() + " s");
            if (denial.isPresent()) return denial;
        }
        return Optional.empty();
    }
}
