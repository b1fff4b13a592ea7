package io.oms.workflows.breaker;

import io.oms.workflows.domain.TenantId;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/** Starts a tenant's evaluation unless it runs already (USE_EXISTING): any number of callers may ask at any time. */
public final class CircuitBreakerClient {
    private CircuitBreakerClient() {}

    public static void ensureStarted(WorkflowClient client, TenantId tenant) {
        CircuitBreakerWorkflow workflow = client.newWorkflowStub(CircuitBreakerWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(CircuitBreakerContract.TASK_QUEUE)
                .setWorkflowId(CircuitBreakerContract.workflowId(tenant))
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
        WorkflowClient.start(workflow::run, tenant);
    }
}
