package io.oms.workflows.webhook;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * Starts delivery workflows: the worker's dispatcher for new deliveries (once: an id that ran before is not started
 * again), the API for a redelivery (the same id runs again, after its earlier run closed).
 */
public final class WebhookDeliveryClient {
    private WebhookDeliveryClient() {}

    /** Starts the first run; false when the workflow already exists (running or closed), which is not an error. */
    public static boolean startFirst(WorkflowClient client, DeliveryInput input) {
        return start(client, input, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    }

    /** Starts another run of a settled delivery; false when one is still running. */
    public static boolean startRedelivery(WorkflowClient client, DeliveryInput input) {
        return start(client, input, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
    }

    private static boolean start(WorkflowClient client, DeliveryInput input, WorkflowIdReusePolicy reuse) {
        WebhookDeliveryWorkflow workflow = client.newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(WebhookDeliveryContract.TASK_QUEUE)
                .setWorkflowId(WebhookDeliveryContract.workflowId(input.deliveryId()))
                .setWorkflowIdReusePolicy(reuse)
                .build());
        try {
            WorkflowClient.start(workflow::deliver, input);
            return true;
        } catch (WorkflowExecutionAlreadyStarted alreadyThere) {
            return false;
        }
    }
}
