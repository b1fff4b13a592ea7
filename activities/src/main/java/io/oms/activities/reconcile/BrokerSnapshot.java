package io.oms.activities.reconcile;

import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.ib.client.PositionEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IB's view of one account for a run: every client's open orders, today's completed orders, executions since the
 * run's time (or the whole day) and positions. A part the run's scope does not ask for is empty; {@code
 * positionsReported} is false when positions were not asked for.
 */
record BrokerSnapshot(List<OpenOrderEvent> openOrders, List<CompletedOrderEvent> completedOrders,
                      List<ExecutionEvent> executions, List<PositionEvent> positions, boolean positionsReported) {

    /** The newest execution (by time, then exec id): the next run's cursor. */
    Optional<ExecutionEvent> newestExecution() {
        return executions.stream().filter(e -> e.time() != null)
                .max(Comparator.comparing(ExecutionEvent::time).thenComparing(ExecutionEvent::execId));
    }

    Instant cursorTime() {
        return newestExecution().map(ExecutionEvent::time).orElse(null);
    }
}
