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
 * MAX_NOTIONAL: quantity x price, the price being the order's limit price, else the last price (market-like
 * types), else its stop price. Without any price the notional is unknown and the order is denied (fail closed).
 */
public final class MaxNotionalRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.MAX_NOTIONAL;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.MAX_NOTIONAL;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty()) return Optional.empty();
        BigDecimal price = order.limitPrice() != null ? order.limitPrice()
                : snapshot.lastPrice() != null ? snapshot.lastPrice() : order.stopPrice();
        if (price == null) {
            return Optional.of(Breaches.denial(DenialReason.MAX_NOTIONAL, limits.getFirst(), null,
                    "no price to value the order at (no limit price and no last price for " + order.symbol()
                            + "): refused rather than unchecked"));
        }
        return Breaches.above(DenialReason.MAX_NOTIONAL, limits, order.quantity().multiply(price), "order notional");
    }
}
