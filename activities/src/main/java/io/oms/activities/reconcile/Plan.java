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

    boolean hasSuspects() {
        return !missedFills.isEmpty() || !stateDrifts.isEmpty() || !unknownAtBroker.isEmpty() || !workingButClosed.isEmpty();
    }
}
