package io.oms.ib.client;

/**
 * The connector's availability for new orders, as a circuit breaker sees it (for health checks and for
 * the fail-fast decision in placeOrder).
 */
public enum ConnectorState {
    /** Session ready and IB reports its own connectivity intact: orders go out. */
    UP,
    /** No ready session (connecting, reconnecting) or IB reports connectivity lost (1100): orders are refused. */
    DOWN,
    /** Tripped: the session flapped (too many disconnects in the window); orders are refused during the cool-down. */
    OPEN,
    /**
     * Session ready (or IB's link restored) but the re-sync of open orders, completed orders and executions
     * is still running (bounded by the request timeout per step): orders are refused, because what happened
     * while away is not known yet (an order re-sent now could duplicate one that reached IB). Cancels go out.
     */
    SYNCING,
    /** Cool-down over and the session is up: orders go out; the first successful round trip closes the breaker. */
    HALF_OPEN,
    /** The connector was closed. */
    STOPPED;

    public boolean acceptsOrders() { return this == UP || this == HALF_OPEN; }
}
