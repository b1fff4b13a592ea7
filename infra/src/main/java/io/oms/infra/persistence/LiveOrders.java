package io.oms.infra.persistence;

/**
 * The orders that are not finished (every state but the terminal ones), as SQL. The predicate is written out
 * as literals, exactly as the partial index {@code orders_live_idx} (V16) declares it: a partial index serves
 * a query only when the planner can prove the query's condition implies the index's, which it cannot do for
 * bound parameters ({@code state IN (?, ?, ...)}) once a prepared statement runs on its generic plan. Bound,
 * the per-order risk snapshot read every order the account ever had; written out, only its live ones.
 */
public final class LiveOrders {
    /** {@code state IN ('NEW', ...)}: keep it identical to the index predicate of orders_live_idx. */
    public static final String STATE_PREDICATE =
            "state IN ('NEW', 'ROUTED', 'PARTIALLY_FILLED', 'PENDING_MODIFY', 'PENDING_CANCEL')";

    private LiveOrders() {}
}
