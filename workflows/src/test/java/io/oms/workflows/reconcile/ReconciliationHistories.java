package io.oms.workflows.reconcile;

import io.oms.workflows.activities.BrokerReconciliationActivities;
import io.oms.workflows.activities.ReconciliationActivities;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunStart;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the reconciliation workflow's history for {@link ReconciliationWorkflowReplayTest}. Run it only to record a
 * new baseline after guarding a change with Workflow.getVersion:
 * {@code mvn -pl workflows test -Dtest=ReconciliationHistories -Doms.record-histories=reconciliation}. The first
 * release's ({@code reconcile-v1-*}) must never be overwritten.
 */
class ReconciliationHistories {
    static final Path DIR = Path.of("src/test/resources/histories");

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "reconciliation")
    void record() throws Exception {
        AtomicInteger brokerCalls = new AtomicInteger();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            var oms = env.newWorker(ReconciliationContract.TASK_QUEUE);
            oms.registerWorkflowImplementationTypes(ReconciliationWorkflowImpl.class);
            oms.registerActivitiesImplementations(new ReconciliationActivities() {
                @Override
                public RunTicket begin(RunStart s) {
                    return new RunTicket(s.runId(), "acme", s.account(), s.connection(), s.scope(), null);
                }

                @Override
                public void finish(RunTicket ticket, RunOutcome outcome) {}

                @Override
                public void fail(RunTicket ticket, String error) {}
            });
            env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(
                    (BrokerReconciliationActivities) ticket -> {
                        if (brokerCalls.incrementAndGet() == 1) {
                            throw ApplicationFailure.newNonRetryableFailure("IB session is not connected",
                                    ErrorCode.BROKER_UNAVAILABLE.name());
                        }
                        return new RunOutcome(Map.of("brokerExecutions", 2), 1, 1, 0, null, null);
                    });
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            ReconcileInput input = new ReconcileInput("DU1", "sim");

            // A reconnect whose first full run fails and is retried, the timers' runs, then a person's full run.
            ReconciliationClient.request(client, input, new ReconcileRequest(ReconcileTrigger.CONNECT, "system:broker"));
            env.sleep(Duration.ofSeconds(75));
            ReconciliationClient.request(client, input, new ReconcileRequest(ReconcileTrigger.MANUAL, "user:1"));
            env.sleep(Duration.ofSeconds(2));
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("reconcile-v1-connect-timers-manual.json"),
                    client.fetchHistory(ReconciliationContract.workflowId("DU1")).toJson(true));
        }
    }
}
