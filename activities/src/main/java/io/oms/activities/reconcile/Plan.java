package io.oms.activities.reconcile;

import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.infra.reconcile.ExternalOrder;
import io.oms.infra.reconcile.OmsOrder;
import java.util.List;

/** What a comparison found in the orders and executions, each with what the repair will be. */
record Plan(List<MissedFill> missedFills, List<StateDrift> stateDrifts, List<OmsOrder> unknownAtBroker,
            List<WorkingButClosed> workingButClosed, List<ExternalSeen> externals) {

    /** An execution IB reported that the OMS has not recorded, of one of its orders: applied through the order. */
    record MissedFill(ExecutionEvent execution, OmsOrder order) {}

    /** An order the OMS still thinks works that IB finished: IB's final status goes to the order. */
    record StateDrift(OmsOrder order, CompletedOrderEvent completed) {}

    /** An order IB still works that the OMS thinks finished: recorded for a person (the OMS cannot be wrong twice). */
    record WorkingButClosed(OmsOrder order, OpenOrderEvent open) {}

    /** An order placed outside the OMS, with its executions the OMS has not recorded. */
    record ExternalSeen(ExternalOrder order, List<ExecutionEvent> newExecutions) {}

    /**
     * This plan with only what {@code earlier} found too: one look may straddle a change the other does not (a fill
     * IB reported a moment before the OMS recorded it, an order that filled between the two answers). What only the
     * later look saw is for the next run to judge. External orders are imported from the later look as they are.
     */
    Plan confirmedBy(Plan earlier) {
        java.util.Set<String> fillsBefore = new java.util.HashSet<>();
        earlier.missedFills.forEach(m -> fillsBefore.add(m.execution().execId()));
        java.util.Set<java.util.UUID> driftsBefore = new java.util.HashSet<>();
        earlier.stateDrifts.forEach(d -> driftsBefore.add(d.order().id()));
        java.util.Set<java.util.UUID> unknownBefore = new java.util.HashSet<>();
        earlier.unknownAtBroker.forEach(o -> unknownBefore.add(o.id()));
        java.util.Set<java.util.UUID> closedBefore = new java.util.HashSet<>();
        earlier.workingButClosed.forEach(w -> closedBefore.add(w.order().id()));
        return new Plan(missedFills.stream().filter(m -> fillsBefore.contains(m.execution().execId())).toList(),
                stateDrifts.stream().filter(d -> driftsBefore.contains(d.order().id())).toList(),
                unknownAtBroker.stream().filter(o -> unknownBefore.contains(o.id())).toList(),
                workingButClosed.stream().filter(w -> closedBefore.contains(w.order().id())).toList(), externals);
    }

    boolean hasSuspects() {
        return !missedFills.isEmpty() || !stateDrifts.isEmpty() || !unknownAtBroker.isEmpty() || !workingButClosed.isEmpty();
    }
}
