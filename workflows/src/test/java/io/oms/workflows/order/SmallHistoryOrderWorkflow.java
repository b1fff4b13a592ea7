package io.oms.workflows.order;

import io.temporal.workflow.WorkflowInit;

/** The order workflow with a history limit small enough for a test to see it continue as new. */
public class SmallHistoryOrderWorkflow extends OrderWorkflowImpl {
    static final int LIMIT = 40;

    @WorkflowInit
    public SmallHistoryOrderWorkflow(OrderRequest request, OrderContinuation continued) {
        super(request, continued);
    }

    @Override
    protected int historyLimit() {
        return LIMIT;
    }
}
