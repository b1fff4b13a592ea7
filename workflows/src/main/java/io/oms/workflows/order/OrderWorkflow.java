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

    @WorkflowMethod(name = OrderWorkflowContract.WORKFLOW_TYPE)
    OrderView run(OrderRequest request);

    /** Sent with the start (update-with-start): completes once the broker acknowledged or rejected the order. */
    @UpdateMethod(name = OrderWorkflowContract.UPDATE_SUBMIT)
    OrderView submit();

    @UpdateMethod(name = OrderWorkflowContract.UPDATE_CANCEL)
    OrderView cancel(CancelRequest request);

    @UpdateValidatorMethod(updateName = OrderWorkflowContract.UPDATE_CANCEL)
    void validateCancel(CancelRequest request);

    /** IB's events for this order (statuses, executions, commissions, errors), in wire order. */
    @SignalMethod(name = OrderWorkflowContract.SIGNAL_BROKER_EVENTS)
    void onBrokerEvents(BrokerEvents events);

    @QueryMethod(name = OrderWorkflowContract.QUERY_STATE)
    OrderView state();
}
