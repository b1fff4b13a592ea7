package io.oms.workflows.reconcile;

import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Asks an account's reconciliation for a run, starting its workflow when none runs (signal-with-start): the worker
 * does so on every (re)connect, the API when someone asks.
 */
public final class ReconciliationClient {
    private ReconciliationClient() {}

    public static void request(WorkflowClient client, ReconcileInput input, ReconcileRequest request) {
        ReconciliationWorkflow workflow = client.newWorkflowStub(ReconciliationWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(ReconciliationContract.TASK_QUEUE)
                .setWorkflowId(ReconciliationContract.workflowId(input.account()))
                .build());
        BatchRequest batch = client.newSignalWithStartRequest();
        batch.add(workflow::run, input, null); // the request arrives as the signal
        batch.add(workflow::request, request);
        client.signalWithStart(batch);
    }
}
