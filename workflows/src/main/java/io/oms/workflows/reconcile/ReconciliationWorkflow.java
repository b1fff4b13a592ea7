package io.oms.workflows.reconcile;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Reconciles one broker account on request and on its timers, forever (continuing as new to bound its history). */
@WorkflowInterface
public interface ReconciliationWorkflow {
    /** {@code pending}: a full run still owed when the previous run continued as new; null when started. */
    @WorkflowMethod(name = ReconciliationContract.WORKFLOW_TYPE)
    void run(ReconcileInput input, ReconcileRequest pending);

    @SignalMethod(name = ReconciliationContract.SIGNAL_REQUEST)
    void request(ReconcileRequest request);

    @QueryMethod(name = ReconciliationContract.QUERY_STATUS)
    ReconciliationStatus status();
}
