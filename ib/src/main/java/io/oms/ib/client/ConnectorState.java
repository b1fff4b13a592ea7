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
    /** Cool-down over and the session is up: orders go out; the first successful round trip closes the breaker. */
    HALF_OPEN,
    /** The connector was closed. */
    STOPPED;

    public boolean acceptsOrders() { return this == UP || this == HALF_OPEN; }
}
