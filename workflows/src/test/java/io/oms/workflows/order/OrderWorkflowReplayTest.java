package io.oms.workflows.order;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Released histories must replay on the current code: a change to the order workflow that alters its
 * commands without {@code Workflow.getVersion} fails here with a NonDeterministicException.
 */
class OrderWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-filled.json", "order-canceled.json", "order-rejected.json"})
    void releasedHistoryReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(OrderHistories.DIR.resolve(history)), OrderWorkflowImpl.class);
    }
}
