package io.oms.workflows.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.BrokerReconciliationActivities;
import io.oms.workflows.activities.ReconciliationActivities;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunStart;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconciliation loop on the time-skipping test server, with scripted activities. */
class ReconciliationWorkflowTest {
    private static final ReconcileInput INPUT = new ReconcileInput("DU1", "sim");
    private final List<RunStart> begun = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private final AtomicInteger brokerFailuresLeft = new AtomicInteger();
    private volatile boolean accountGone;
    private final CountDownLatch firstBrokerRunStarted = new CountDownLatch(1);
    private volatile CountDownLatch firstBrokerRunHeld = new CountDownLatch(0);
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    private final ReconciliationActivities db = new ReconciliationActivities() {
        @Override
        public RunTicket begin(RunStart start) {
            if (accountGone) {
                throw ApplicationFailure.newNonRetryableFailure("gone", ErrorCode.NOT_FOUND.name());
            }
            begun.add(start);
            return new RunTicket(start.runId(), "acme", start.account(), start.connection(), start.scope(), null);
        }

        @Override
        public void finish(RunTicket ticket, RunOutcome outcome) {
            finished.add(ticket.scope().name());
        }

        @Override
        public void fail(RunTicket ticket, String error) {
            failed.add(ticket.scope().name() + ": " + error);
        }
    };

    private final BrokerReconciliationActivities broker = ticket -> {
        firstBrokerRunStarted.countDown();
        awaitQuietly(firstBrokerRunHeld);
        firstBrokerRunHeld = new CountDownLatch(0);
        if (brokerFailuresLeft.getAndDecrement() > 0) {
            throw ApplicationFailure.newNonRetryableFailure("IB session is not connected", ErrorCode.BROKER_UNAVAILABLE.name());
        }
        return new RunOutcome(Map.of("brokerExecutions", 0), 0, 0, 0, null, null);
    };

    private void start() {
        env = TestWorkflowEnvironment.newInstance();
        var oms = env.newWorker(ReconciliationContract.TASK_QUEUE);
        oms.registerWorkflowImplementationTypes(ReconciliationWorkflowImpl.class);
        oms.registerActivitiesImplementations(db);
        env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
        env.start();
        client = env.getWorkflowClient();
    }

    private void ask(ReconcileTrigger trigger) {
        ReconciliationClient.request(client, INPUT, new ReconcileRequest(trigger, "test"));
    }

    @AfterEach
    void stop() {
        if (env != null) env.close();
    }

    @Test
    void aReconnectAsksForAFullRunAtOnce() {
        start();
        ask(ReconcileTrigger.CONNECT);
        env.sleep(Duration.ofSeconds(1));
        assertThat(begun).hasSize(1);
        assertThat(begun.getFirst().scope()).isEqualTo(RunScope.FULL);
        assertThat(begun.getFirst().trigger()).isEqualTo(ReconcileTrigger.CONNECT);
        assertThat(finished).containsExactly("FULL");
    }

    @Test
    void betweenFullRunsOpenOrdersAreCheckedEveryTenSecondsAndPositionsEveryMinute() {
        start();
        ask(ReconcileTrigger.CONNECT);
        env.sleep(Duration.ofSeconds(125));
        List<RunScope> scopes = begun.stream().map(RunStart::scope).toList();
        assertThat(scopes.getFirst()).isEqualTo(RunScope.FULL);
        assertThat(scopes.stream().filter(s -> s == RunScope.POSITIONS)).hasSize(2);
        assertThat(scopes.stream().filter(s -> s == RunScope.OPEN_ORDERS).count()).isBetween(9L, 12L);
        assertThat(begun.stream().skip(1)).allMatch(s -> s.trigger() == ReconcileTrigger.SCHEDULE
                && ReconciliationContract.ACTOR.equals(s.requestedBy()));
    }

    @Test
    void aFailedFullRunIsRetriedUntilOneSucceedsWithNoScheduledRunsMeanwhile() {
        brokerFailuresLeft.set(3);
        start();
        ask(ReconcileTrigger.CONNECT);
        env.sleep(Duration.ofSeconds(30));
        assertThat(failed).hasSize(3).allMatch(f -> f.startsWith("FULL: IB session is not connected"));
        assertThat(begun.stream().limit(4).map(RunStart::scope)).containsOnly(RunScope.FULL);
        assertThat(finished.getFirst()).isEqualTo("FULL");
    }

    @Test
    void aRequestDuringARunIsKeptForTheNextOne() {
        firstBrokerRunHeld = new CountDownLatch(1);
        start();
        ask(ReconcileTrigger.CONNECT);
        awaitQuietly(firstBrokerRunStarted);
        ask(ReconcileTrigger.MANUAL);
        firstBrokerRunHeld.countDown();
        env.sleep(Duration.ofSeconds(2));
        assertThat(begun.stream().map(RunStart::trigger).toList())
                .startsWith(ReconcileTrigger.CONNECT, ReconcileTrigger.MANUAL);
        assertThat(finished).startsWith("FULL", "FULL");
    }

    @Test
    void requestsMadeDuringARunShareTheNextOne() {
        firstBrokerRunHeld = new CountDownLatch(1);
        start();
        ask(ReconcileTrigger.CONNECT);
        awaitQuietly(firstBrokerRunStarted);
        ask(ReconcileTrigger.MANUAL);
        ask(ReconcileTrigger.MANUAL);
        firstBrokerRunHeld.countDown();
        env.sleep(Duration.ofSeconds(2));
        assertThat(begun.stream().map(RunStart::scope).filter(s -> s == RunScope.FULL)).hasSize(2);
    }

    @Test
    void endsWhenItsAccountNoLongerExists() {
        accountGone = true;
        start();
        ask(ReconcileTrigger.CONNECT);
        env.sleep(Duration.ofSeconds(5));
        assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    }

    @Test
    void continuesAsNewToBoundItsHistory() {
        start();
        ask(ReconcileTrigger.CONNECT);
        env.sleep(ReconciliationContract.OPEN_ORDERS_INTERVAL.multipliedBy(ReconciliationContract.CONTINUE_AFTER_RUNS + 5));
        assertThat(begun.size()).isGreaterThan(ReconciliationContract.CONTINUE_AFTER_RUNS);
        assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(client.newWorkflowStub(ReconciliationWorkflow.class, ReconciliationContract.workflowId("DU1")).status().runs())
                .isLessThan(ReconciliationContract.CONTINUE_AFTER_RUNS);
    }

    /** Bounded: a test that cannot reach its step fails on its assertions rather than hanging. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WorkflowExecutionStatus status() {
        return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(env.getNamespace())
                                .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                                        .setWorkflowId(ReconciliationContract.workflowId("DU1")).build()).build())
                .getWorkflowExecutionInfo().getStatus();
    }
}
