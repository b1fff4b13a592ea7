package io.oms.workflows.killswitch;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Released kill-switch histories must replay on the current code: the first release's (before the global switch's
 * reqGlobalCancel, {@code killswitch-global-cancel-1}) engage, re-engage and release without it.
 */
class KillSwitchWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"killswitch-v1-global.json", "killswitch-v1-tenant.json"})
    void releasedHistoryReplaysOnCurrentCode(String history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(KillSwitchHistories.DIR.resolve(history)),
                KillSwitchWorkflowImpl.class);
    }
}
