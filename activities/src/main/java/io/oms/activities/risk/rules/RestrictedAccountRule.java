package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import java.util.Optional;

/** RESTRICTED_ACCOUNT: the tenant has blocked the order's account from trading. */
public final class RestrictedAccountRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return null;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.RESTRICTED_ACCOUNT;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (snapshot.accountRestriction() == null) return Optional.empty();
        String why = snapshot.accountRestriction().isBlank() ? "" : ": " + snapshot.accountRestriction();
        return Optional.of(RiskDenial.of(DenialReason.RESTRICTED_ACCOUNT,
                "account " + order.account() + " is restricted from trading" + why));
    }
}
