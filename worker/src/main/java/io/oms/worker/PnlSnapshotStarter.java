package io.oms.worker;

import io.oms.infra.persistence.TenantRepository;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.pnl.PnlSnapshotContract;
import io.oms.workflows.pnl.PnlSnapshotWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts every tenant's daily P&L snapshot workflow when the worker is ready. Idempotent: a running one is kept
 * (USE_EXISTING), so any number of workers may do this at every start.
 */
public final class PnlSnapshotStarter {
    private static final Logger log = LoggerFactory.getLogger(PnlSnapshotStarter.class);

    private final WorkflowClient client;
    private final TenantRepository tenants;

    PnlSnapshotStarter(WorkflowClient client, TenantRepository tenants) {
        this.client = client;
        this.tenants = tenants;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        for (String id : tenants.listIds()) {
            try {
                start(new TenantId(id));
            } catch (RuntimeException e) {
                log.warn("could not start the P&L snapshot workflow of tenant {}: {}", id, e.toString());
            }
        }
    }

    void start(TenantId tenant) {
        PnlSnapshotWorkflow workflow = client.newWorkflowStub(PnlSnapshotWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(PnlSnapshotContract.TASK_QUEUE)
                .setWorkflowId(PnlSnapshotContract.workflowId(tenant))
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
        WorkflowClient.start(workflow::run, tenant);
    }
}
