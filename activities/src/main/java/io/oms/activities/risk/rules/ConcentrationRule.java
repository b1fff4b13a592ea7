package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.AccountExposure;
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
 * CONCENTRATION (limit MAX_CONCENTRATION_PCT): the order's symbol's exposure value after the order as a percent of
 * the account's book after it, the book being its gross exposure value but never less than its equity. Against
 * gross alone the first position of an account would always be 100 %; with the equity as the floor, concentration
 * is a share of the account's capital while the account is under-invested and a share of its gross exposure once
 * that exceeds the equity. So it fails closed like LEVERAGE: an order adding exposure is denied while the equity is
 * unknown or not positive or something cannot be valued. An order that adds no exposure always passes.
 */
public final class ConcentrationRule implements RiskRule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public LimitType limitType() {
        return LimitType.MAX_CONCENTRATION_PCT;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.CONCENTRATION;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty() || !Exposures.raises(order, snapshot)) return Optional.empty();
        RiskLimit tightest = limits.getFirst();
        BigDecimal equity = snapshot.accountEquity();
        if (!Exposures.positive(equity)) {
            return Optional.of(Breaches.denial(DenialReason.CONCENTRATION, tightest, null, "the equity of account "
                    + order.account() + " is unknown or not positive (set ACCOUNT_EQUITY): refused rather than unchecked"));
        }
        AccountExposure after = Exposures.after(order, snapshot);
        if (after == null || !after.unpriced().isEmpty()) {
            String what = after == null ? order.symbol() : String.join(", ", after.unpriced());
            return Optional.of(Breaches.denial(DenialReason.CONCENTRATION, tightest, null,
                    "no price to value the exposure in " + what + ": refused rather than unchecked"));
        }
        BigDecimal book = after.gross().max(equity);
        BigDecimal percent = Exposures.ratio(after.value(order.symbol()).multiply(HUNDRED), book);
        return Breaches.above(DenialReason.CONCENTRATION, limits, percent,
                "resulting concentration (percent) of " + order.symbol() + " in " + order.account());
    }
}
