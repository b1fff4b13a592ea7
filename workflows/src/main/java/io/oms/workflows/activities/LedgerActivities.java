package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The order ledger in PostgreSQL. Every method is idempotent, so Temporal may retry any of them:
 * an order row is written only by a change of higher version, an execution at most once per
 * (account, execId), and each audit record at most once per (order, version).
 */
@ActivityInterface
public interface LedgerActivities {

    /** Records the order's new state (the first call inserts it) and appends the matching audit record. */
    @ActivityMethod
    void recordState(StateChange change);

    /** Adds a fill and moves the position, once. Returns false when the execution was already recorded. */
    @ActivityMethod
    boolean recordExecution(ExecutionRecord execution);

    /**
     * A fill and the order state it leads to, in one transaction: {@link #recordExecution} and then, when
     * {@code change} is not null, {@link #recordState}. Returns false when the execution was already recorded.
     */
    @ActivityMethod
    boolean recordFill(ExecutionRecord execution, StateChange change);

    @ActivityMethod
    void recordCommission(CommissionRecord commission);
}
