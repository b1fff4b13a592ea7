package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import io.oms.workflows.domain.Side;

/**
 * WASH_TRADE: the order could trade against the same account's opposite working order in the symbol: a buy
 * limited at or above a working sell's limit (a sell at or below a working buy's), or either side market-like
 * (no limit price: it takes whatever is there).
 */
public final class WashTradeRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return null;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.WASH_TRADE;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        String opposite = order.side() == Side.BUY ? "SELL" : "BUY";
        for (SnapshotOrder other : snapshot.workingOrders()) {
            if (!other.symbol().equals(order.symbol()) || !other.side().equals(opposite)) continue;
            if (crosses(order, other)) {
                return Optional.of(new RiskDenial(DenialReason.WASH_TRADE, other.limitPrice(), order.limitPrice(), null,
                        "could trade against the account's own working " + opposite + " order " + other.clientOrderId()
                                + (other.limitPrice() == null ? " (" + other.type() + ")"
                                        : " limited at " + Breaches.plain(other.limitPrice()))));
            }
        }
        return Optional.empty();
    }

    private static boolean crosses(OrderIntent order, SnapshotOrder other) {
        if (order.limitPrice() == null || other.marketable()) return true;
        int cmp = order.limitPrice().compareTo(other.limitPrice());
        return order.side() == Side.BUY ? cmp >= 0 : cmp <= 0;
    }
}
