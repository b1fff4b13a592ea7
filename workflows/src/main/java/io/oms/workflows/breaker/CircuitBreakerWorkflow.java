package io.oms.workflows.breaker;

import io.oms.workflows.domain.TenantId;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Evaluates the tenant's circuit breakers every few seconds, forever (continuing as new to bound its history). */
@WorkflowInterface
public interface CircuitBreakerWorkflow {
    @WorkflowMethod(name = CircuitBreakerContract.WORKFLOW_TYPE)
    void run(TenantId tenant);
}
