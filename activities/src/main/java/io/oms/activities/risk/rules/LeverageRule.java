package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.AccountExposure;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import java.util.Optional;

/**
 * LEVERAGE (limit MAX_LEVERAGE, a ratio): the account's gross exposure value after the order (every symbol's
 * exposure, see {@link AccountExposure}, the order counted as one more working order) divided by its equity.
 * Fails closed: with a limit that applies, an order that adds exposure is denied when the account's equity is
 * unknown or not positive, or when the order or any of the account's exposure cannot be valued. An order that adds
 * no exposure always passes.
 */
public final class LeverageRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.MAX_LEVERAGE;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.LEVERAGE;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty() || !Exposures.raises(order, snapshot)) return Optional.empty();
        RiskLimit tightest = limits.getFirst();
        if (!Exposures.positive(snapshot.accountEquity())) {
            return Optional.of(Breaches.denial(DenialReason.LEVERAGE, tightest, null, "the equity of account "
                    + order.account() + " is unknown or not positive (set ACCOUNT_EQUITY): refused rather than unchecked"));
        }
        AccountExposure after = Exposures.after(order, snapshot);
        if (after == null || !after.unpriced().isEmpty()) {
            String what = after == null ? order.symbol() : String.join(", ", after.unpriced());
            return Optional.of(Breaches.denial(DenialReason.LEVERAGE, tightest, null,
                    "no price to value the exposure in " + what + ": refused rather than unchecked"));
        }
        return Breaches.above(DenialReason.LEVERAGE, limits, Exposures.ratio(after.gross(), snapshot.accountEquity()),
                "resulting gross leverage of " + order.account());
    }
}
