package io.oms.workflows.order;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One order's whole life, from submission to a terminal state. See {@link OrderWorkflowContract}. */
@WorkflowInterface
public interface OrderWorkflow {

    /**
     * {@code continued} is null for a new order and carries the state of the previous run when the workflow
     * continued as new (histories from before it existed have no second argument, which also reads as null).
     */
    @WorkflowMethod(name = OrderWorkflowContract.WORKFLOW_TYPE)
    OrderView run(OrderRequest request, OrderContinuation continued);

    /** Sent with the start (update-with-start): completes once the broker acknowledged or rejected the order. */
    @UpdateMethod(name = OrderWorkflowContract.UPDATE_SUBMIT)
    OrderView submit();

    /** Asks IB to cancel; answers once IB confirmed, or after a bounded wait with the order PENDING_CANCEL. */
    @UpdateMethod(name = OrderWorkflowContract.UPDATE_CANCEL)
    OrderView cancel(CancelRequest request);

    @UpdateValidatorMethod(updateName = OrderWorkflowContract.UPDATE_CANCEL)
    void validateCancel(CancelRequest request);

    /** Changes quantity, limit or stop price or time in force; answers once IB confirmed or refused, or after a bounded wait. */
    @UpdateMethod(name = OrderWorkflowContract.UPDATE_MODIFY)
    ModifyOutcome modify(ModifyRequest request);

    /** Refuses (with an ApplicationFailure typed by its ErrorCode) a modify the order cannot take now. */
    @UpdateValidatorMethod(updateName = OrderWorkflowContract.UPDATE_MODIFY)
    void validateModify(ModifyRequest request);

    /** IB's events for this order (statuses, executions, commissions, errors), in wire order. */
    @SignalMethod(name = OrderWorkflowContract.SIGNAL_BROKER_EVENTS)
    void onBrokerEvents(BrokerEvents events);

    @QueryMethod(name = OrderWorkflowContract.QUERY_STATE)
    OrderView state();
}
