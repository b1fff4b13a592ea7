package io.oms.activities.risk;

import io.oms.workflows.activities.RiskActivities;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskCheckResult;
import org.springframework.stereotype.Component;

/** The order workflow's risk activity: the checks of {@link RiskChecks}, answered as a plain list of denials. */
@Component
public class RiskActivitiesImpl implements RiskActivities {
    private final RiskChecks checks;

    public RiskActivitiesImpl(RiskChecks checks) {
        this.checks = checks;
    }

    @Override
    public RiskCheckResult check(RiskCheckRequest request) {
        return new RiskCheckResult(checks.check(request).denials());
    }
}
