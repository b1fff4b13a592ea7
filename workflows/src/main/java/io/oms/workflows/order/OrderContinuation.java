package io.oms.workflows.order;

import io.oms.workflows.activities.ExecutionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run of the order workflow hands to the next when it continues as new before its history grows
 * too long: the order and its counted executions, IB events not yet applied, commissions still owed or not yet
 * matched, and an outstanding cancel. A modify is never carried: the run waits for IB's answer to it first.
 * Null for the first run.
 */
public record OrderContinuation(
        Lifecycle lifecycle,
        List<BrokerEvent> inbox,
        Map<String, ExecutionRecord> commissionsOwed,
        Map<String, BrokerCommission> unmatchedCommissions,
        CancelRequest cancelRequest,
        boolean cancelSent,
        boolean expiryHandled,
        long lastRecordedVersion,
        int run) {

    /** The order's state machine: the view, every exec id seen, the counted fills, and the expiry. */
    public record Lifecycle(OrderView view, List<String> execIds, List<CountedFill> fills, boolean rejectSeen,
                            Instant expiresAt, boolean expiring) {}
}
