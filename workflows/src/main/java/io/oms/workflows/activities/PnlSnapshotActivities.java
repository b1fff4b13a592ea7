package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** End-of-day P&L snapshots. Idempotent: one snapshot per account and trading date, however often called. */
@ActivityInterface
public interface PnlSnapshotActivities {

    /** Writes the tenant's snapshots for the trading date (and their events); returns how many were new. */
    @ActivityMethod
    int takeSnapshots(SnapshotRequest request);
}
