package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The broker side of a reconciliation run, on the connection's task queue (the worker holding the IB session):
 * fetch IB's open and completed orders, executions since the cursor and positions, compare them with the OMS's
 * orders, executions and position book, repair what can be repaired (missed fills through the order workflows,
 * orders IB finished, external orders imported) and record every finding. Idempotent: a retried run finds the
 * repairs already made (fills by exec id, external orders by permId) and records nothing twice.
 */
@ActivityInterface
public interface BrokerReconciliationActivities {

    @ActivityMethod(name = "reconcileWithBroker")
    RunOutcome reconcile(RunTicket ticket);
}
