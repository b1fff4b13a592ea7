package io.oms.workflows.pnl;

import io.oms.workflows.domain.TenantId;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Takes the tenant's P&L snapshot at every US equity session close, forever (continuing as new each day). */
@WorkflowInterface
public interface PnlSnapshotWorkflow {
    @WorkflowMethod(name = PnlSnapshotContract.WORKFLOW_TYPE)
    void run(TenantId tenant);
}
