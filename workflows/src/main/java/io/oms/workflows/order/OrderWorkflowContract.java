package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.TenantId;

/** The order workflow's contract: task queues, workflow ids, and update, signal and query names. */
public final class OrderWorkflowContract {
    /** Workflows and the database activities. */
    public static final String TASK_QUEUE = "oms";

    public static final String WORKFLOW_TYPE = "Order";
    public static final String UPDATE_SUBMIT = "submit";
    public static final String UPDATE_CANCEL = "cancel";
    public static final String UPDATE_MODIFY = "modify";
    public static final String SIGNAL_BROKER_EVENTS = "brokerEvents";
    public static final String QUERY_STATE = "state";

    private static final String PREFIX = "order/";

    private OrderWorkflowContract() {}

    public static String workflowId(TenantId tenant, ClientOrderId clientOrderId) {
        return PREFIX + tenant.value() + "/" + clientOrderId.value();
    }

    /**
     * The client order id an IB orderRef names among {@code tenant}'s orders, or null when it names no order of that
     * tenant (another tenant's, or an order placed outside the OMS).
     */
    public static String clientOrderIdOf(TenantId tenant, String orderRef) {
        String prefix = PREFIX + tenant.value() + "/";
        return orderRef != null && orderRef.startsWith(prefix) && orderRef.length() > prefix.length()
                ? orderRef.substring(prefix.length()) : null;
    }

    /** True when an IB orderRef names an order workflow of this OMS. */
    public static boolean isOrderWorkflowId(String orderRef) {
        return orderRef != null && orderRef.startsWith(PREFIX) && orderRef.indexOf('/', PREFIX.length()) > 0;
    }

    /** Broker I/O for one IB connection, polled only by the worker that holds that connection. */
    public static String brokerTaskQueue(String connection) {
        return "ib-" + connection;
    }
}
