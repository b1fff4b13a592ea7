package io.oms.workflows.webhook;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Delivers one event to one endpoint, at least once, in order behind its predecessor; ends DELIVERED or DEAD. */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {
    @WorkflowMethod(name = WebhookDeliveryContract.WORKFLOW_TYPE)
    DeliveryState deliver(DeliveryInput input);

    @SignalMethod(name = WebhookDeliveryContract.SIGNAL_PREDECESSOR_SETTLED)
    void predecessorSettled();

    @QueryMethod(name = WebhookDeliveryContract.QUERY_STATUS)
    DeliveryStatus status();
}
