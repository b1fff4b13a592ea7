package io.oms.activities.risk;

import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import java.util.Optional;

/**
 * One pre-trade check: pure (no I/O, no clock but the snapshot's {@code asOf}), so the same order and snapshot
 * always give the same answer.
 */
public interface RiskRule {
    /** The reason this rule denies with. */
    DenialReason reason();

    /** The limit type this rule reads, or null when it takes no number. */
    LimitType limitType();

    /**
     * @param limits the limits of {@link #limitType()} that apply to this order, tightest first (empty for rules
     *               without a number; a rule with a number and no limit passes)
     */
    Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits);
}
