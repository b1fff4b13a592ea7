package io.oms.workflows.reconcile;

/**
 * What a run compares. FULL: open and completed orders, today's executions since the cursor, and positions; the
 * account refuses new orders until it succeeded. OPEN_ORDERS: open and completed orders, with the orders still
 * waiting for IB's acknowledgement. POSITIONS: executions since the cursor and positions.
 */
public enum RunScope {
    FULL, OPEN_ORDERS, POSITIONS;

    public boolean comparesOrders() {
        return this != POSITIONS;
    }

    public boolean comparesExecutionsAndPositions() {
        return this != OPEN_ORDERS;
    }
}
