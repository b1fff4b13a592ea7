package io.oms.activities.risk;

import io.oms.activities.risk.rules.ConcentrationRule;
import io.oms.activities.risk.rules.DailyLossRule;
import io.oms.activities.risk.rules.DrawdownRule;
import io.oms.activities.risk.rules.DuplicateOrderRule;
import io.oms.activities.risk.rules.LeverageRule;
import io.oms.activities.risk.rules.MarketHoursRule;
import io.oms.activities.risk.rules.MaxNotionalRule;
import io.oms.activities.risk.rules.MaxOrderQtyRule;
import io.oms.activities.risk.rules.OpenOrdersRule;
import io.oms.activities.risk.rules.OrderRateRule;
import io.oms.activities.risk.rules.PositionLimitRule;
import io.oms.activities.risk.rules.PriceCollarRule;
import io.oms.activities.risk.rules.RestrictedAccountRule;
import io.oms.activities.risk.rules.RestrictedSymbolRule;
import io.oms.activities.risk.rules.WashTradeRule;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Runs every rule against one snapshot and collects every denial (not only the first), so a denied order
 * learns everything it would have to change. Rules run in a fixed order (that of {@code DenialReason}), and each
 * sees the limits of its type that apply to the order, tightest first, so the verdict is deterministic.
 */
public final class RiskEngine {
    private static final Comparator<RiskLimit> TIGHTEST_FIRST =
            Comparator.comparing(RiskLimit::value).thenComparing(l -> l.id().toString());

    private final List<RiskRule> rules;

    public RiskEngine(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The registry of every rule, in evaluation order. */
    public static RiskEngine standard() {
        return new RiskEngine(List.of(new RestrictedAccountRule(), new RestrictedSymbolRule(), new MarketHoursRule(),
                new MaxOrderQtyRule(), new MaxNotionalRule(), new PriceCollarRule(), new PositionLimitRule(),
                new LeverageRule(), new ConcentrationRule(), new OpenOrdersRule(), new OrderRateRule(),
                new DailyLossRule(), new DrawdownRule(), new WashTradeRule(), new DuplicateOrderRule()));
    }

    /**
     * A modify's new terms: the per-order and exposure rules. Not the order rate, duplicate or open-order count
     * (no new order is made) and not market hours (a working order may be amended when its exchange allows).
     */
    public static RiskEngine forModify() {
        return new RiskEngine(List.of(new RestrictedAccountRule(), new RestrictedSymbolRule(), new MaxOrderQtyRule(),
                new MaxNotionalRule(), new PriceCollarRule(), new PositionLimitRule(), new LeverageRule(),
                new ConcentrationRule(), new DailyLossRule(), new DrawdownRule(), new WashTradeRule()));
    }

    /**
     * The unfilled rest of a partly filled order: only what a fill, the market or compliance can have changed since
     * (prices move leverage and concentration; an account or symbol may have been restricted meanwhile).
     */
    public static RiskEngine forInFlight() {
        return new RiskEngine(List.of(new RestrictedAccountRule(), new RestrictedSymbolRule(), new PositionLimitRule(),
                new LeverageRule(), new ConcentrationRule(), new DailyLossRule(), new DrawdownRule()));
    }

    /** This engine without the rules of {@code reasons} (checks a deployment switched off). */
    public RiskEngine without(Set<DenialReason> reasons) {
        return new RiskEngine(rules.stream().filter(r -> !reasons.contains(r.reason())).toList());
    }

    public List<RiskRule> rules() {
        return rules;
    }

    /** The snapshot may already hold the order itself (stored NEW before the check): it does not count against itself. */
    public RiskVerdict evaluate(OrderIntent order, RiskSnapshot snapshot) {
        RiskSnapshot others = snapshot.without(order.clientOrderId());
        List<RiskDenial> denials = new ArrayList<>();
        for (RiskRule rule : rules) {
            List<RiskLimit> limits = rule.limitType() == null ? List.of() : others.limits().stream()
                    .filter(l -> l.type() == rule.limitType())
                    .filter(l -> l.appliesTo(order.account(), order.symbol(), others.secType(), order.strategy(),
                            order.user()))
                    .sorted(TIGHTEST_FIRST)
                    .toList();
            rule.check(order, others, limits).ifPresent(denials::add);
        }
        return new RiskVerdict(denials);
    }
}
