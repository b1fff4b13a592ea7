package io.oms.workflows.killswitch;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One scope's trading state, for ever (continuing as new). See {@link KillSwitchContract}. */
@WorkflowInterface
public interface KillSwitchWorkflow {

    @WorkflowMethod(name = KillSwitchContract.WORKFLOW_TYPE)
    void run(KillSwitchInput input);

    /**
     * Moves to REDUCING or HALTED, records it, then cancels every working order in scope and verifies that none
     * is left (bounded). Engaging the state the switch is already in answers it unchanged, with the last sweep.
     */
    @UpdateMethod(name = KillSwitchContract.UPDATE_ENGAGE)
    Engagement engage(EngageRequest request);

    @UpdateValidatorMethod(updateName = KillSwitchContract.UPDATE_ENGAGE)
    void validateEngage(EngageRequest request);

    /** Back to ACTIVE; releasing an ACTIVE switch answers it unchanged. */
    @UpdateMethod(name = KillSwitchContract.UPDATE_RELEASE)
    Engagement release(ReleaseRequest request);

    @UpdateValidatorMethod(updateName = KillSwitchContract.UPDATE_RELEASE)
    void validateRelease(ReleaseRequest request);

    @QueryMethod(name = KillSwitchContract.QUERY_STATE)
    KillSwitchView state();
}
