package io.oms.workflows.order;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Released histories must replay on the current code: a change to the order workflow that alters its
 * commands without {@code Workflow.getVersion} fails here with a NonDeterministicException. The first
 * release's histories (without the order-lifecycle-2 marker) replay on its rules; the order-v2 ones on the
 * second release's rules (pending cancel with a racing fill, modify confirmed and refused, a correction, expiry,
 * denial) and without risk checks; the order-v3 ones with the risk checks (order-risk-check-1: denied, a partial
 * fill's breach cancelling the rest, a modify denied); the order-v4 one with the in-flight check
 * (order-inflight-check-1: a placement IB never saw, BROKER_NO_ACK, ends the order REJECTED).
 */
class OrderWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-filled.json", "order-canceled.json", "order-rejected.json",
            "order-v2-canceled.json", "order-v2-modified.json", "order-v2-expired.json", "order-v2-denied.json",
            "order-v3-denied.json", "order-v3-breached.json", "order-v3-modified.json",
            "order-v4-inflight-rejected.json"})
    void releasedHistoryReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(OrderHistories.DIR.resolve(history)), OrderWorkflowImpl.class);
    }

    /** Both runs of an order that continued as new (recorded with the small history limit of the test subclass). */
    @ParameterizedTest
    @ValueSource(strings = {"order-v2-continued-first-run.json", "order-v2-continued-last-run.json"})
    void continuedOrderReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(OrderHistories.DIR.resolve(history)),
                SmallHistoryOrderWorkflow.class);
    }
}
