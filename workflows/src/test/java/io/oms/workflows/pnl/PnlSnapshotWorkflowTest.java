package io.oms.workflows.pnl;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.PnlSnapshotActivities;
import io.oms.workflows.activities.SnapshotRequest;
import io.oms.workflows.domain.TenantId;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The snapshot workflow on the time-skipping test server, with a recording activity. */
class PnlSnapshotWorkflowTest {
    private final List<SnapshotRequest> taken = new CopyOnWriteArrayList<>();
    private final TenantId tenant = new TenantId("acme");
    private TestWorkflowEnvironment env;

    private WorkflowClient startAt(Instant now) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTimeMillis(now.toEpochMilli()).build());
        var worker = env.newWorker(PnlSnapshotContract.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(PnlSnapshotWorkflowImpl.class);
        worker.registerActivitiesImplementations((PnlSnapshotActivities) request -> {
            taken.add(request);
            return 1;
        });
        env.start();
        WorkflowClient client = env.getWorkflowClient();
        WorkflowClient.start(client.newWorkflowStub(PnlSnapshotWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(PnlSnapshotContract.TASK_QUEUE)
                .setWorkflowId(PnlSnapshotContract.workflowId(tenant))
                .build())::run, tenant);
        return client;
    }

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void takesOneSnapshotPerTradingDateAtEachSessionCloseSkippingWeekendsAndHolidays() {
        // Wednesday 2025-12-24 (early close 13:00 ET), then Christmas (closed), Friday 26th, the weekend, Monday 29th.
        startAt(Instant.parse("2025-12-24T15:00:00Z"));

        env.sleep(Duration.ofDays(6));

        assertThat(taken).extracting(SnapshotRequest::tradingDate).containsExactly(
                LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 26), LocalDate.of(2025, 12, 29));
        assertThat(taken).extracting(SnapshotRequest::tenantId).containsOnly(tenant);
    }

    @Test
    void takesNothingBeforeTheClose() {
        startAt(Instant.parse("2025-12-22T15:00:00Z")); // Monday 10:00 ET

        env.sleep(Duration.ofHours(5)); // 15:00 ET

        assertThat(taken).isEmpty();
        env.sleep(Duration.ofHours(2));
        assertThat(taken).extracting(SnapshotRequest::tradingDate).containsExactly(LocalDate.of(2025, 12, 22));
    }
}
