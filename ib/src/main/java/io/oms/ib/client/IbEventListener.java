package io.oms.ib.client;

/**
 * Callbacks from the connector. All are invoked on one dispatch thread (never the socket reader),
 * in wire order, so implementations need no locking among themselves but must not block for long.
 * Executions and commissions are delivered at most once per execId per connector instance.
 */
public interface IbEventListener {
    /** After nextValidId: accounts, negotiated server version and the gateway's next id are known. */
    default void onSessionReady(SessionInfo info) {}

    default void onSessionLost(String reason) {}

    default void onOrderStatus(OrderStatusEvent e) {}

    default void onOpenOrder(OpenOrderEvent e) {}

    default void onExecution(ExecutionEvent e) {}

    default void onCommission(CommissionEvent e) {}

    default void onError(IbErrorEvent e) {}
}
