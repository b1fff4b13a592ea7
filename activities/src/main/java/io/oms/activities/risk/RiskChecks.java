package io.oms.activities.risk;

import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import org.springframework.stereotype.Component;

/**
 * One risk check: load the order's snapshot, run the rules of the moment asked about, then apply the tenant's
 * risk overrides (lifted limits; a single-use waiver for a new order, consumed here).
 */
@Component
public class RiskChecks {
    private final RiskSnapshots snapshots;
    private final OverrideWaivers overrides;

    public RiskChecks(RiskSnapshots snapshots, OverrideWaivers overrides) {
        this.snapshots = snapshots;
        this.overrides = overrides;
    }

    public RiskVerdict check(RiskCheckRequest request) {
        OrderIntent intent = request.intent();
        RiskSnapshot snapshot = snapshots.load(intent.tenantId(), intent.account(), intent.symbol());
        return overrides.apply(request, engine(request.kind()).evaluate(intent, snapshot));
    }

    static RiskEngine engine(RiskCheckKind kind) {
        return switch (kind) {
            case NEW_ORDER -> RiskEngine.standard();
            case MODIFY -> RiskEngine.forModify();
            case IN_FLIGHT -> RiskEngine.forInFlight();
        };
    }
}
