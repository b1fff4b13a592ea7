package io.oms.workflows.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kill switch's workflow on Temporal's test server, with fake activities. */
class KillSwitchWorkflowTest {
    private static final KillSwitchKey TENANT = new KillSwitchKey("t1", KillSwitchScope.TENANT, "t1");
    private static final EngageRequest HALT = new EngageRequest(TradingState.HALTED, "LOSS_LIMIT", "daily loss", "user:1");

    private final FakeKillSwitchActivities activities = new FakeKillSwitchActivities();
    private final FakeSessionBroker simSession = new FakeSessionBroker();
    private final FakeSessionBroker otherSession = new FakeSessionBroker();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(KillSwitchContract.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(KillSwitchWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(simSession);
        env.newWorker(OrderWorkflowContract.brokerTaskQueue("other")).registerActivitiesImplementations(otherSession);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void workflowIdsNameTenantScopeAndId() {
        assertThat(KillSwitchContract.workflowId(KillSwitchKey.global())).isEqualTo("killswitch/_system/global/global");
        assertThat(KillSwitchContract.workflowId(new KillSwitchKey("acme", KillSwitchScope.ACCOUNT, "DU1")))
                .isEqualTo("killswitch/acme/account/DU1");
    }

    @Test
    void theGlobalSwitchSendsReqGlobalCancelOnEverySessionThenSweeps() {
        activities.connections = List.of("other", "sim");
        activities.live.addAll(List.of("order/t1/a", "order/t2/b"));
        Engagement engagement = KillSwitchClient.engage(client, KillSwitchKey.global(), HALT);
        assertThat(simSession.globalCancels).hasValue(1);
        assertThat(otherSession.globalCancels).hasValue(1);
        assertThat(engagement.view().lastSweep()).isEqualTo(new CancelSweep(2, 2, 0));
        // Engaging the state it is in again changes nothing and sends nothing.
        KillSwitchClient.engage(client, KillSwitchKey.global(), HALT);
        assertThat(simSession.globalCancels).hasValue(1);
    }

    @Test
    void aTenantSwitchNeverCancelsAWholeSession() {
        KillSwitchClient.engage(client, TENANT, HALT);
        assertThat(simSession.globalCancels).hasValue(0);
    }

    @Test
    void engagingHaltsRecordsTheStateFirstAndCancelsEveryLiveOrder() {
        activities.live.addAll(List.of("order/t1/a", "order/t1/b", "order/t1/c"));

        Engagement engagement = KillSwitchClient.engage(client, TENANT, HALT);

        assertThat(engagement.changed()).isTrue();
        assertThat(engagement.view().state()).isEqualTo(TradingState.HALTED);
        assertThat(engagement.view().reasonCode()).isEqualTo("LOSS_LIMIT");
        assertThat(engagement.view().actor()).isEqualTo("user:1");
        assertThat(engagement.view().lastSweep()).isEqualTo(new CancelSweep(3, 3, 0));
        assertThat(activities.canceled).containsExactlyInAnyOrder("order/t1/a", "order/t1/b", "order/t1/c");
        assertThat(activities.recorded).hasSize(1);
        assertThat(activities.recorded.get(0).state()).isEqualTo(TradingState.HALTED);
        assertThat(activities.recorded.get(0).version()).isEqualTo(1);
        assertThat(stub().state().state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void engagingTheSameStateAgainAnswersTheCurrentStateAndDoesNothing() {
        activities.live.add("order/t1/a");
        Engagement first = KillSwitchClient.engage(client, TENANT, HALT);

        Engagement again = KillSwitchClient.engage(client, TENANT,
                new EngageRequest(TradingState.HALTED, "OTHER", "again", "user:2"));

        assertThat(again.changed()).isFalse();
        assertThat(again.view()).isEqualTo(first.view());
        assertThat(activities.recorded).hasSize(1);
        assertThat(activities.canceled).containsExactly("order/t1/a");
    }

    @Test
    void movingFromReducingToHaltedIsATransition() {
        KillSwitchClient.engage(client, TENANT, new EngageRequest(TradingState.REDUCING, "DRAWDOWN", null, "user:1"));
        Engagement halted = KillSwitchClient.engage(client, TENANT, HALT);

        assertThat(halted.changed()).isTrue();
        assertThat(halted.view().version()).isEqualTo(2);
        assertThat(activities.recorded).extracting(KillSwitchView::state)
                .containsExactly(TradingState.REDUCING, TradingState.HALTED);
    }

    @Test
    void ordersThatGoLiveDuringTheSweepAreCanceledToo() {
        activities.live.add("order/t1/a");
        activities.liveLater.add("order/t1/late");

        Engagement engagement = KillSwitchClient.engage(client, TENANT, HALT);

        assertThat(activities.canceled).containsExactly("order/t1/a", "order/t1/late");
        assertThat(engagement.view().lastSweep()).isEqualTo(new CancelSweep(2, 2, 0));
    }

    @Test
    void reportsOrdersStillWorkingWhenTheVerificationTimesOut() {
        activities.live.addAll(List.of("order/t1/a", "order/t1/stuck"));
        activities.stubborn.add("order/t1/stuck");

        Engagement engagement = KillSwitchClient.engage(client, TENANT, HALT);

        assertThat(engagement.view().lastSweep()).isEqualTo(new CancelSweep(2, 1, 1));
        assertThat(activities.canceled).containsExactly("order/t1/a", "order/t1/stuck");
        assertThat(activities.listings).isLessThanOrEqualTo(Sweep.MAX_ROUNDS);
    }

    @Test
    void releaseReturnsToActiveAndReleasingAnActiveSwitchChangesNothing() {
        KillSwitchClient.engage(client, TENANT, HALT);

        Engagement released = KillSwitchClient.release(client, TENANT, new ReleaseRequest("user:3", "fixed"));
        Engagement again = KillSwitchClient.release(client, TENANT, new ReleaseRequest("user:3", "fixed"));

        assertThat(released.changed()).isTrue();
        assertThat(released.view().state()).isEqualTo(TradingState.ACTIVE);
        assertThat(released.view().actor()).isEqualTo("user:3");
        assertThat(again.changed()).isFalse();
        assertThat(activities.recorded).extracting(KillSwitchView::state)
                .containsExactly(TradingState.HALTED, TradingState.ACTIVE);
    }

    @Test
    void refusesAnEngagementToActiveOrWithABadReasonCodeAndChangesNothing() {
        assertThatThrownBy(() -> KillSwitchClient.engage(client, TENANT,
                new EngageRequest(TradingState.ACTIVE, "LOSS", null, "user:1")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThatThrownBy(() -> KillSwitchClient.engage(client, TENANT,
                new EngageRequest(TradingState.HALTED, "not a code", null, "user:1")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThatThrownBy(() -> KillSwitchClient.engage(client, TENANT,
                new EngageRequest(TradingState.HALTED, "LOSS", null, " ")))
                .isInstanceOf(WorkflowUpdateException.class);

        assertThat(activities.recorded).isEmpty();
        assertThat(stub().state().state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void continuesAsNewAfterNTransitionsKeepingItsState() {
        KillSwitchWorkflow workflow = client.newWorkflowStub(KillSwitchWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(KillSwitchContract.workflowId(TENANT))
                .setTaskQueue(KillSwitchContract.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
        String firstRun = WorkflowClient.start(workflow::run, new KillSwitchInput(TENANT, null, 2)).getRunId();

        workflow.engage(HALT);
        workflow.release(new ReleaseRequest("user:1", null));
        Engagement third = workflow.engage(new EngageRequest(TradingState.REDUCING, "DRAWDOWN", null, "user:1"));

        String currentRun = client.newUntypedWorkflowStub(KillSwitchContract.workflowId(TENANT)).describe()
                .getExecution().getRunId();
        assertThat(currentRun).isNotEqualTo(firstRun);
        assertThat(third.changed()).isTrue();
        assertThat(third.view().version()).isEqualTo(3);
        assertThat(stub().state().state()).isEqualTo(TradingState.REDUCING);
    }

    private KillSwitchWorkflow stub() {
        return client.newWorkflowStub(KillSwitchWorkflow.class, KillSwitchContract.workflowId(TENANT));
    }

    @SuppressWarnings("unused")
    private WorkflowStub untyped() {
        return client.newUntypedWorkflowStub(KillSwitchContract.workflowId(TENANT));
    }
}
