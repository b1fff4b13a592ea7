package io.oms.api.reconciliation;

import java.time.Instant;

/** The newest execution IB had reported at a successful run: its time and exec id. */
public record SyncCursor(Instant time, String execId) {
    /** Null when there is no cursor yet (no successful run, or no execution seen). */
    static SyncCursor of(Instant time, String execId) {
        return time == null && execId == null ? null : new SyncCursor(time, execId);
    }
}
