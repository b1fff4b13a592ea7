package io.oms.workflows.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.BreakerCheck;
import io.oms.workflows.activities.CircuitBreakerActivities;
import io.oms.workflows.domain.TenantId;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The evaluation loop on the time-skipping test server, with a scripted activity. */
class CircuitBreakerWorkflowTest {
    private final TenantId tenant = new TenantId("acme");
    private final List<TenantId> evaluated = new CopyOnWriteArrayList<>();
    private TestWorkflowEnvironment env;

    private WorkflowClient start(CircuitBreakerActivities activities) {
        env = TestWorkflowEnvironment.newInstance();
        var worker = env.newWorker(CircuitBreakerContract.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(CircuitBreakerWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        env.start();
        WorkflowClient client = env.getWorkflowClient();
        CircuitBreakerClient.ensureStarted(client, tenant);
        return client;
    }

    @AfterEach
    void stop() {
        if (env != null) env.close();
    }

    @Test
    void evaluatesAtTheIntervalTheActivityAnswers() {
        start(t -> {
            evaluated.add(t);
            return new BreakerCheck(1, 0, 5_000);
        });
        env.sleep(Duration.ofSeconds(60));
        // Once at the start, then every 5 s: 12 or 13 passes in a minute.
        assertThat(evaluated).hasSizeBetween(12, 13).containsOnly(tenant);
    }

    @Test
    void aFailedEvaluationDoesNotStopTheLoop() {
        AtomicInteger calls = new AtomicInteger();
        start(t -> {
            if (calls.incrementAndGet() <= 3) throw new IllegalStateException("database down");
            evaluated.add(t);
            return new BreakerCheck(1, 0, 1_000);
        });
        env.sleep(Duration.ofSeconds(30));
        assertThat(evaluated).isNotEmpty();
    }

    @Test
    void startingAgainKeepsTheRunningEvaluation() {
        WorkflowClient client = start(t -> {
            evaluated.add(t);
            return new BreakerCheck(0, 0, 5_000);
        });
        String runId = describe(client).getWorkflowExecutionInfo().getExecution().getRunId();
        CircuitBreakerClient.ensureStarted(client, tenant);
        assertThat(describe(client).getWorkflowExecutionInfo().getExecution().getRunId()).isEqualTo(runId);
    }

    @Test
    void continuesAsNewToBoundItsHistory() {
        WorkflowClient client = start(t -> {
            evaluated.add(t);
            return new BreakerCheck(1, 0, 1_000);
        });
        String firstRun = describe(client).getWorkflowExecutionInfo().getExecution().getRunId();
        env.sleep(Duration.ofSeconds(CircuitBreakerContract.CONTINUE_AFTER_CHECKS + 20));
        var now = describe(client).getWorkflowExecutionInfo();
        assertThat(now.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(now.getExecution().getRunId()).isNotEqualTo(firstRun);
        assertThat(now.getHistoryLength()).isLessThan(CircuitBreakerContract.CONTINUE_AFTER_CHECKS * 12L);
    }

    private io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse describe(WorkflowClient client) {
        return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                                .setWorkflowId(CircuitBreakerContract.workflowId(tenant)).build())
                        .build());
    }
}
