package io.oms.activities.risk;

import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import org.springframework.stereotype.Component;

/** One risk check: load the order's snapshot, run the rules of the moment asked about. */
@Component
public class RiskChecks {
    private final RiskSnapshots snapshots;

    public RiskChecks(RiskSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public RiskVerdict check(RiskCheckRequest request) {
        OrderIntent intent = request.intent();
        RiskSnapshot snapshot = snapshots.load(intent.tenantId(), intent.account(), intent.symbol());
        return engine(request.kind()).evaluate(intent, snapshot);
    }

    static RiskEngine engine(RiskCheckKind kind) {
        return switch (kind) {
            case NEW_ORDER -> RiskEngine.standard();
            case MODIFY -> RiskEngine.forModify();
            case IN_FLIGHT -> RiskEngine.forInFlight();
        };
    }
}
