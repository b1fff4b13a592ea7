package io.oms.workflows.webhook;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Released delivery histories must replay on the current code (predecessor wait, retries, Retry-After, a refusal). */
class WebhookDeliveryWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"webhook-v1-wait-retries-delivered.json", "webhook-v1-refused-dead.json"})
    void releasedHistoryReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(WebhookHistories.DIR.resolve(history)),
                WebhookDeliveryWorkflowImpl.class);
    }
}
