package io.oms.workflows.killswitch;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Client side of the contract: engage and release are updates-with-start, so the switch's workflow exists from
 * its first use on, and any number of callers reach the same one (USE_EXISTING).
 */
public final class KillSwitchClient {
    private KillSwitchClient() {}

    public static Engagement engage(WorkflowClient client, KillSwitchKey key, EngageRequest request) {
        KillSwitchWorkflow workflow = stub(client, key);
        return WorkflowClient.executeUpdateWithStart(workflow::engage, request, completed(), start(workflow, key));
    }

    public static Engagement release(WorkflowClient client, KillSwitchKey key, ReleaseRequest request) {
        KillSwitchWorkflow workflow = stub(client, key);
        return WorkflowClient.executeUpdateWithStart(workflow::release, request, completed(), start(workflow, key));
    }

    private static UpdateOptions<Engagement> completed() {
        return UpdateOptions.<Engagement>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
    }

    private static WithStartWorkflowOperation<Void> start(KillSwitchWorkflow workflow, KillSwitchKey key) {
        return new WithStartWorkflowOperation<>(workflow::run, KillSwitchInput.fresh(key));
    }

    private static KillSwitchWorkflow stub(WorkflowClient client, KillSwitchKey key) {
        return client.newWorkflowStub(KillSwitchWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(KillSwitchContract.workflowId(key))
                .setTaskQueue(KillSwitchContract.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    }
}
