package io.oms.workflows.activities;

import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskCheckResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The pre-trade and in-flight risk checks the order workflow asks before it sends anything to IB. */
@ActivityInterface(namePrefix = "Risk")
public interface RiskActivities {

    /**
     * Every denial of the order at this moment (none: it may go), from one consistent snapshot. Read-only apart
     * from consuming a one-order override the check used, which is keyed by the order so a retry cannot use two.
     */
    @ActivityMethod
    RiskCheckResult check(RiskCheckRequest request);
}
