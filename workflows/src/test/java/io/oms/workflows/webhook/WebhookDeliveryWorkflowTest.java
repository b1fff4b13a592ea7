package io.oms.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.AttemptOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery workflow on the time-skipping test server, with scripted activities. */
class WebhookDeliveryWorkflowTest {
    private static final String TENANT = "acme";
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5));
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private ScriptedWebhookActivities activities;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        activities = new ScriptedWebhookActivities(env);
        var worker = env.newWorker(WebhookDeliveryContract.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private DeliveryState run(DeliveryInput input) {
        WebhookDeliveryClient.startFirst(client, input);
        return result(input.deliveryId());
    }

    private DeliveryState result(UUID id) {
        return client.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(id)).getResult(DeliveryState.class);
    }

    private static AttemptOutcome retry503() {
        return AttemptOutcome.retry(503, null, "HTTP_503");
    }

    @Test
    void aReceiverAnswering2xxAtOnceGetsOneAttemptAndTheDeliveryIsDelivered() {
        UUID id = UUID.randomUUID();
        activities.then(AttemptOutcome.delivered(204));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        assertThat(activities.attempts).extracting(ScriptedWebhookActivities.Seen::attempt).containsExactly(1);
        assertThat(activities.settled).containsExactly(new ScriptedWebhookActivities.Settled(id, DeliveryState.DELIVERED, "HTTP_204"));
        assertThat(activities.predecessorChecks).isEmpty();
    }

    @Test
    void retryableFailuresWaitTheScheduleWithJitterBetweenAttemptsThenDeliver() {
        UUID id = UUID.randomUUID();
        activities.then(retry503()).then(AttemptOutcome.retry(null, null, "CONNECT_TIMEOUT")).then(AttemptOutcome.delivered(200));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        var seen = activities.attempts;
        assertThat(seen).extracting(ScriptedWebhookActivities.Seen::attempt).containsExactly(1, 2, 3);
        assertThat(seen.get(1).atMillis() - seen.get(0).atMillis()).isBetween(8_000L, 12_500L);
        assertThat(seen.get(2).atMillis() - seen.get(1).atMillis()).isBetween(48_000L, 72_500L);
        assertThat(activities.settled).extracting(ScriptedWebhookActivities.Settled::state).containsExactly(DeliveryState.DELIVERED);
    }

    @Test
    void aPermanentRefusalStopsAtOnceAndDeadLetters() {
        UUID id = UUID.randomUUID();
        activities.then(AttemptOutcome.failed(410, "HTTP_410"));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DEAD);
        assertThat(activities.attempts).hasSize(1);
        assertThat(activities.settled).containsExactly(new ScriptedWebhookActivities.Settled(id, DeliveryState.DEAD, "HTTP_410"));
    }

    @Test
    void theLastAttemptFailingDeadLettersAfterTheWholeSchedule() {
        UUID id = UUID.randomUUID();
        activities.then(retry503());
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DEAD);
        assertThat(activities.attempts).extracting(ScriptedWebhookActivities.Seen::attempt).containsExactly(1, 2, 3, 4);
        assertThat(activities.settled.getFirst().reason()).isEqualTo("ATTEMPTS_EXHAUSTED (last: HTTP_503)");
        var status = client.newWorkflowStub(WebhookDeliveryWorkflow.class, WebhookDeliveryContract.workflowId(id)).status();
        assertThat(status).isEqualTo(new DeliveryStatus(DeliveryState.DEAD, 4, 503));
    }

    @Test
    void aRedeliveryNumbersItsAttemptsAfterTheEarlierOnes() {
        UUID id = UUID.randomUUID();
        activities.then(AttemptOutcome.delivered(200));
        WebhookDeliveryClient.startRedelivery(client, DeliveryInput.redelivery(id, TENANT, 4, SCHEDULE));
        assertThat(result(id)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(activities.attempts).extracting(ScriptedWebhookActivities.Seen::attempt).containsExactly(5);
    }

    @Test
    void aRetryAfterLongerThanTheScheduledWaitRaisesIt() {
        UUID id = UUID.randomUUID();
        activities.then(AttemptOutcome.retry(429, Duration.ofMinutes(3), "HTTP_429")).then(AttemptOutcome.delivered(200));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        var seen = activities.attempts;
        assertThat(seen.get(1).atMillis() - seen.get(0).atMillis()).isBetween(180_000L, 181_000L);
    }

    @Test
    void anAttemptWhoseActivityFailsCountsAsARetry() {
        UUID id = UUID.randomUUID();
        activities.thenActivityFails().then(AttemptOutcome.delivered(200));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        assertThat(activities.attempts).extracting(ScriptedWebhookActivities.Seen::attempt).containsExactly(1, 2);
    }

    @Test
    void aDeliveryWaitsForItsPredecessorsSignalBeforeItsFirstAttempt() {
        UUID predecessor = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        WebhookDeliveryClient.startFirst(client, DeliveryInput.first(id, TENANT, predecessor, SCHEDULE));
        env.sleep(Duration.ofSeconds(20));
        assertThat(activities.attempts).isEmpty();
        var stub = client.newWorkflowStub(WebhookDeliveryWorkflow.class, WebhookDeliveryContract.workflowId(id));
        assertThat(stub.status().state()).isEqualTo(DeliveryState.PENDING);
        long signalledAt = env.currentTimeMillis();
        stub.predecessorSettled();
        assertThat(result(id)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(activities.attempts.getFirst().atMillis() - signalledAt).isLessThan(5_000L);
    }

    @Test
    void aLostSignalIsMadeUpForByTheBackingOffRecheck() {
        UUID predecessor = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        WebhookDeliveryClient.startFirst(client, DeliveryInput.first(id, TENANT, predecessor, SCHEDULE));
        env.sleep(Duration.ofMinutes(3)); // checks at 0, 30 s, 90 s
        activities.settledInDb.put(predecessor, true); // settled, but no signal came
        assertThat(result(id)).isEqualTo(DeliveryState.DELIVERED);
        var checks = activities.predecessorChecks;
        assertThat(checks).hasSize(4);
        assertThat(checks.get(2) - checks.get(1)).isGreaterThan(checks.get(1) - checks.get(0)); // backing off
        assertThat(activities.attempts.getFirst().atMillis()).isGreaterThanOrEqualTo(checks.get(3));
    }

    @Test
    void aDeliveryWhosePredecessorAlreadySettledGoesAtOnce() {
        UUID predecessor = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        activities.settledInDb.put(predecessor, true);
        long startedAt = env.currentTimeMillis();
        assertThat(run(DeliveryInput.first(id, TENANT, predecessor, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        assertThat(activities.attempts.getFirst().atMillis() - startedAt).isLessThan(5_000L);
    }

    @Test
    void aSettledDeliverySignalsItsSuccessorWhichThenGoes() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        activities.successors.put(first, List.of(second));
        activities.then(retry503()).then(AttemptOutcome.delivered(200));
        WebhookDeliveryClient.startFirst(client, DeliveryInput.first(second, TENANT, first, SCHEDULE));
        WebhookDeliveryClient.startFirst(client, DeliveryInput.first(first, TENANT, null, SCHEDULE));
        assertThat(result(first)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(result(second)).isEqualTo(DeliveryState.DELIVERED);
        var seen = activities.attempts;
        assertThat(seen).extracting(ScriptedWebhookActivities.Seen::deliveryId).containsExactly(first, first, second);
        // The second went on the signal, not on a re-check (the first took about 10 s; the re-checks come at 30 s, 90 s).
        assertThat(seen.get(2).atMillis() - seen.get(1).atMillis()).isLessThan(5_000L);
        assertThat(activities.predecessorChecks).hasSize(1);
    }

    @Test
    void aSuccessorThatIsNotRunningDoesNotStopTheSettle() {
        UUID id = UUID.randomUUID();
        activities.successors.put(id, List.of(UUID.randomUUID()));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aSuccessorThatAlreadyClosedDoesNotStopTheSettle() {
        UUID successor = UUID.randomUUID();
        assertThat(run(DeliveryInput.first(successor, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
        UUID id = UUID.randomUUID();
        activities.successors.put(id, List.of(successor));
        assertThat(run(DeliveryInput.first(id, TENANT, null, SCHEDULE))).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aLongWaitForThePredecessorContinuesAsNewToBoundItsHistory() {
        UUID id = UUID.randomUUID();
        WebhookDeliveryClient.startFirst(client, DeliveryInput.first(id, TENANT, UUID.randomUUID(), SCHEDULE));
        env.sleep(WebhookDeliveryWorkflowImpl.RECHECK_MAX.multipliedBy(WebhookDeliveryWorkflowImpl.CONTINUE_AFTER_RECHECKS + 10));
        assertThat(activities.predecessorChecks.size()).isGreaterThan(WebhookDeliveryWorkflowImpl.CONTINUE_AFTER_RECHECKS);
        WorkflowStub stub = client.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(id));
        assertThat(stub.query(WebhookDeliveryContract.QUERY_STATUS, DeliveryStatus.class).state()).isEqualTo(DeliveryState.PENDING);
        assertThat(activities.attempts).isEmpty();
    }
}
