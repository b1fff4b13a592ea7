package io.oms.workflows.pnl;

import io.oms.workflows.activities.PnlSnapshotActivities;
import io.oms.workflows.activities.SnapshotRequest;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.UsEquityCalendar;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Sleeps on a durable timer until the next session close, takes that trading date's snapshots, and continues as
 * new, so the history stays one day long. A worker down at the close only delays the snapshot: the timer fires
 * when a worker is back, and the activity is idempotent per account and date.
 */
public class PnlSnapshotWorkflowImpl implements PnlSnapshotWorkflow {
    private final PnlSnapshotActivities activities = Workflow.newActivityStub(PnlSnapshotActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .build())
                    .build());

    @Override
    public void run(TenantId tenant) {
        Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        Instant close = UsEquityCalendar.nextSessionClose(now);
        Workflow.sleep(Duration.between(now, close));
        LocalDate tradingDate = close.atZone(UsEquityCalendar.ZONE).toLocalDate();
        activities.takeSnapshots(new SnapshotRequest(tenant, tradingDate));
        Workflow.continueAsNew(tenant);
    }
}
