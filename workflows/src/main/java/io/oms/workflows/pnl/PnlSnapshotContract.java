package io.oms.workflows.pnl;

import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.OrderWorkflowContract;

/** The daily P&L snapshot workflow's contract: one long-running workflow per tenant. */
public final class PnlSnapshotContract {
    public static final String WORKFLOW_TYPE = "PnlSnapshots";
    /** With the order workflows and the database activities. */
    public static final String TASK_QUEUE = OrderWorkflowContract.TASK_QUEUE;

    private PnlSnapshotContract() {}

    public static String workflowId(TenantId tenant) {
        return "pnl-snapshots/" + tenant.value();
    }
}
