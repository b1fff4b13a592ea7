package io.oms.workflows.killswitch;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Records the kill switch workflow's histories for {@link KillSwitchWorkflowReplayTest}. Run it only to record a
 * new baseline after guarding a change with Workflow.getVersion:
 * {@code mvn -pl workflows test -Dtest=KillSwitchHistories -Doms.record-histories=killswitch}. The first release's
 * ({@code killswitch-v1-*}) must never be overwritten.
 */
class KillSwitchHistories {
    static final Path DIR = Path.of("src/test/resources/histories");

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "killswitch")
    void record() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            FakeKillSwitchActivities activities = new FakeKillSwitchActivities();
            Worker worker = env.newWorker(KillSwitchContract.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(KillSwitchWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
            env.start();
            WorkflowClient client = env.getWorkflowClient();

            // The global switch halts with live orders of two tenants, engages again (no change), is released.
            activities.live.addAll(List.of("order/t1/a", "order/t2/b"));
            KillSwitchKey global = KillSwitchKey.global();
            KillSwitchClient.engage(client, global, new EngageRequest(TradingState.HALTED, "MARKET_EVENT", "halt all", "user:1"));
            KillSwitchClient.engage(client, global, new EngageRequest(TradingState.HALTED, "MARKET_EVENT", "again", "user:1"));
            KillSwitchClient.release(client, global, new ReleaseRequest("user:2", "all clear"));
            write(client, global, "killswitch-v1-global.json");

            // A tenant's switch: reducing, then halted, then released.
            activities.live.add("order/t1/c");
            KillSwitchKey tenant = new KillSwitchKey("t1", KillSwitchScope.TENANT, "t1");
            KillSwitchClient.engage(client, tenant, new EngageRequest(TradingState.REDUCING, "LOSS_LIMIT", "reduce", "user:1"));
            KillSwitchClient.engage(client, tenant, new EngageRequest(TradingState.HALTED, "LOSS_LIMIT", "halt", "user:1"));
            KillSwitchClient.release(client, tenant, new ReleaseRequest("user:2", "ok"));
            write(client, tenant, "killswitch-v1-tenant.json");
        }
    }

    private static void write(WorkflowClient client, KillSwitchKey key, String name) throws Exception {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve(name), client.fetchHistory(KillSwitchContract.workflowId(key)).toJson(true));
    }
}
