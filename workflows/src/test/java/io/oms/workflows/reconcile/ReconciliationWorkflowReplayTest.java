package io.oms.workflows.reconcile;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Released reconciliation histories must replay on the current code (a reconnect, a retry, the timers, a person). */
class ReconciliationWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"reconcile-v1-connect-timers-manual.json"})
    void releasedHistoryReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(ReconciliationHistories.DIR.resolve(history)),
                ReconciliationWorkflowImpl.class);
    }
}
