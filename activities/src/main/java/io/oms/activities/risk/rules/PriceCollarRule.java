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
import java.math.MathContext;

/**
 * PRICE_COLLAR: a limit price more than the collar's percent away from the last price is denied. A market-like
 * order (no limit price) has nothing to compare, but without a last price nobody knows where it will trade, so it
 * is denied (fail closed). A limit order without a last price cannot be checked and passes.
 */
public final class PriceCollarRule implements RiskRule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public LimitType limitType() {
        return LimitType.PRICE_COLLAR_PCT;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.PRICE_COLLAR;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty()) return Optional.empty();
        BigDecimal last = snapshot.lastPrice();
        if (order.limitPrice() == null) {
            return last != null ? Optional.empty() : Optional.of(Breaches.denial(DenialReason.PRICE_COLLAR,
                    limits.getFirst(), null, "no reference price for " + order.symbol() + ": a " + order.type()
                            + " order is refused (fail closed)"));
        }
        if (last == null) return Optional.empty();
        BigDecimal away = order.limitPrice().subtract(last).abs().multiply(HUNDRED).divide(last, MathContext.DECIMAL64);
        return Breaches.above(DenialReason.PRICE_COLLAR, limits, away,
                "limit price " + Breaches.plain(order.limitPrice()) + " vs last " + Breaches.plain(last) + ": percent away");
    }
}
