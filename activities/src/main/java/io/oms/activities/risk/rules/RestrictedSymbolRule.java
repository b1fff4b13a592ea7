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

/** RESTRICTED_SYMBOL: the tenant's restricted list names the symbol. */
public final class RestrictedSymbolRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return null;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.RESTRICTED_SYMBOL;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (snapshot.restriction() == null) return Optional.empty();
        String why = snapshot.restriction().isBlank() ? "" : ": " + snapshot.restriction();
        return Optional.of(RiskDenial.of(DenialReason.RESTRICTED_SYMBOL, order.symbol() + " is restricted" + why));
    }
}
