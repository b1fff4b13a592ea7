package io.oms.ib.client;

/**
 * Callbacks from the connector. All are invoked on one dispatch thread (never the socket reader),
 * in wire order, so implementations need no locking among themselves but must not block for long.
 * Executions and commissions are delivered at most once per execId per connector instance, and every
 * one is delivered, whether or not its orderRef is known here (unknown ones are for reconciliation).
 * Every method has a default so implementors pick only what they need.
 */
public interface IbEventListener {
    /** After nextValidId: accounts, negotiated server version and the gateway's next id are known. */
    default void onSessionReady(SessionInfo info) {}

    default void onSessionLost(String reason) {}

    default void onOrderStatus(OrderStatusEvent e) {}

    default void onOpenOrder(OpenOrderEvent e) {}

    default void onExecution(ExecutionEvent e) {}

    default void onCommission(CommissionEvent e) {}

    /**
     * An order that finished today, from reqCompletedOrders (run in every re-sync, so terminal states
     * reached while away, e.g. cancelled or filled during a disconnect, arrive here). May repeat across syncs.
     */
    default void onCompletedOrder(CompletedOrderEvent e) {}

    /** A manual TWS order (permId) was bound to an API clientId/orderId; key such orders by permId. */
    default void onOrderBound(long permId, int clientId, int orderId) {}

    /** A market data tick for a reqMktData tickerId. */
    default void onTick(MarketDataEvent e) {}

    /** The kind of data a ticker gets: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen (sent before non-live ticks). */
    default void onMarketDataType(int tickerId, int marketDataType) {}

    /** Every error message, classified (see {@link IbErrorEvent#kind()}). */
    default void onError(IbErrorEvent e) {}

    /** Also called, after onError, for errors about one order: rejects, duplicate id, cancel confirmed/refused, holds. */
    default void onOrderError(IbErrorEvent e) {}

    /** Also called, after onError, for IB-side connectivity notices (1100, 1101, 1102, 2110, 1300), once applied. */
    default void onConnectivity(IbErrorEvent e) {}

    /** The connector's availability changed (circuit breaker state). */
    default void onHealthChanged(ConnectorHealth health) {}
}
