package io.oms.workflows.webhook;

import io.oms.workflows.activities.AttemptOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Records the delivery workflow's histories for {@link WebhookDeliveryWorkflowReplayTest}. Run it only to record a
 * new baseline after guarding a change with Workflow.getVersion:
 * {@code mvn -pl workflows test -Dtest=WebhookHistories -Doms.record-histories=webhook}. The first release's
 * ({@code webhook-v1-*}) must never be overwritten.
 */
class WebhookHistories {
    static final Path DIR = Path.of("src/test/resources/histories");
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "oms.record-histories", matches = "webhook")
    void record() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            ScriptedWebhookActivities activities = new ScriptedWebhookActivities(env);
            var worker = env.newWorker(WebhookDeliveryContract.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Files.createDirectories(DIR);

            // Waits for its predecessor (a re-check, then the signal), a 503, a 429 with Retry-After, an activity
            // that failed to run, then 200; settles and signals a successor that is not running.
            UUID predecessor = UUID.fromString("0190a000-0000-7000-8000-000000000001");
            UUID delivered = UUID.fromString("0190a000-0000-7000-8000-000000000002");
            activities.successors.put(delivered, List.of(UUID.fromString("0190a000-0000-7000-8000-000000000003")));
            activities.then(AttemptOutcome.retry(503, null, "HTTP_503"))
                    .then(AttemptOutcome.retry(429, Duration.ofMinutes(1), "HTTP_429"))
                    .thenActivityFails()
                    .then(AttemptOutcome.delivered(200));
            WebhookDeliveryClient.startFirst(client, DeliveryInput.first(delivered, "acme", predecessor, SCHEDULE));
            env.sleep(Duration.ofSeconds(40));
            client.newWorkflowStub(WebhookDeliveryWorkflow.class, WebhookDeliveryContract.workflowId(delivered)).predecessorSettled();
            client.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(delivered)).getResult(DeliveryState.class);
            write(client, delivered, "webhook-v1-wait-retries-delivered.json");

            // Refused for good at once: dead-lettered.
            UUID refused = UUID.fromString("0190a000-0000-7000-8000-000000000004");
            activities.then(AttemptOutcome.failed(410, "HTTP_410"));
            WebhookDeliveryClient.startFirst(client, DeliveryInput.first(refused, "acme", null, SCHEDULE));
            client.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(refused)).getResult(DeliveryState.class);
            write(client, refused, "webhook-v1-refused-dead.json");
        }
    }

    private static void write(WorkflowClient client, UUID id, String file) throws Exception {
        Files.writeString(DIR.resolve(file), client.fetchHistory(WebhookDeliveryContract.workflowId(id)).toJson(true));
    }
}
