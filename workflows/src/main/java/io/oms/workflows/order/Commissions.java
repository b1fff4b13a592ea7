package io.oms.workflows.order;

import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IB's commission reports for the order's executions. A report may come before its execution (held until the
 * execution is recorded) or well after the last fill (the finished order waits a bounded time for the ones it
 * is still owed). Insertion-ordered maps keep it deterministic.
 */
final class Commissions {
    private final LedgerActivities ledger;
    private final OrderRequest request;
    private final Map<String, ExecutionRecord> owed = new LinkedHashMap<>();
    private final Map<String, BrokerCommission> unmatched = new LinkedHashMap<>();

    Commissions(LedgerActivities ledger, OrderRequest request) {
        this.ledger = ledger;
        this.request = request;
    }

    /** What a previous run handed over. */
    void carriedOver(Map<String, ExecutionRecord> owedBefore, Map<String, BrokerCommission> unmatchedBefore) {
        owed.putAll(owedBefore);
        unmatched.putAll(unmatchedBefore);
    }

    /** An execution was recorded: it owes a commission, which may already be here. */
    void executionRecorded(ExecutionRecord execution) {
        owed.put(execution.execId(), execution);
        BrokerCommission early = unmatched.remove(execution.execId());
        if (early != null) {
            offer(early);
        }
    }

    void offer(BrokerCommission commission) {
        if (!owed.containsKey(commission.execId())) {
            unmatched.put(commission.execId(), commission);
            return;
        }
        ledger.recordCommission(new CommissionRecord(request.tenantId(), request.account(), commission.execId(),
                commission.commission(), commission.currency()));
        owed.remove(commission.execId());
    }

    boolean allPaid() {
        return owed.isEmpty();
    }

    Map<String, ExecutionRecord> owed() {
        return new LinkedHashMap<>(owed);
    }

    Map<String, BrokerCommission> unmatched() {
        return new LinkedHashMap<>(unmatched);
    }
}
