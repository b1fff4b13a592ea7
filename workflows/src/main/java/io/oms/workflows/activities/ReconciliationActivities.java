package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The database side of a reconciliation run: open it (a full run first marks the account RECONCILING, so it
 * refuses new orders), then close it as succeeded (recording the new execution cursor, marking the account SYNCED
 * after a full run, publishing the outcome) or failed (the account stays as it is: a failed full run keeps it
 * refusing orders). Each is idempotent by run id.
 */
@ActivityInterface
public interface ReconciliationActivities {

    @ActivityMethod(name = "beginReconciliation")
    RunTicket begin(RunStart start);

    @ActivityMethod(name = "finishReconciliation")
    void finish(RunTicket ticket, RunOutcome outcome);

    @ActivityMethod(name = "failReconciliation")
    void fail(RunTicket ticket, String error);
}
