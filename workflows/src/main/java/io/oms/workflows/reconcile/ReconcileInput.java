package io.oms.workflows.reconcile;

import java.time.Duration;

/**
 * The account a reconciliation workflow looks after, the IB connection its session runs on, and how often it checks
 * open orders and positions between full runs (null: {@link ReconciliationContract}'s defaults).
 */
public record ReconcileInput(String account, String connection, Duration openOrdersEvery, Duration positionsEvery) {

    public ReconcileInput(String account, String connection) {
        this(account, connection, null, null);
    }

    Duration openOrdersInterval() {
        return openOrdersEvery == null ? ReconciliationContract.OPEN_ORDERS_INTERVAL : openOrdersEvery;
    }

    Duration positionsInterval() {
        return positionsEvery == null ? ReconciliationContract.POSITIONS_INTERVAL : positionsEvery;
    }
}
