package io.oms.workflows.order;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Client side of the contract: how an order is submitted (update-with-start) and how an existing order
 * workflow is addressed. A retried submission of the same client order id reaches the same workflow.
 */
public final class OrderSubmission {
    private OrderSubmission() {}

    /** Starts the order's workflow if needed and returns once the broker acknowledged or rejected it. */
    public static OrderView submit(WorkflowClient client, OrderRequest request) {
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(OrderWorkflowContract.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        WithStartWorkflowOperation<OrderView> start = new WithStartWorkflowOperation<>(workflow::run, request, null);
        return WorkflowClient.executeUpdateWithStart(workflow::submit,
                UpdateOptions.<OrderView>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(), start);
    }

    /** A stub for an order workflow that already exists. */
    public static OrderWorkflow existing(WorkflowClient client, String workflowId) {
        return client.newWorkflowStub(OrderWorkflow.class, workflowId);
    }
}
