package io.oms.api.reconciliation;

import io.oms.infra.reconcile.AccountSyncRow;
import java.time.Instant;

/**
 * A broker account's sync view: new orders are accepted only while {@code syncState} is SYNCED; {@code cursor} is
 * the newest execution its last successful run saw, {@code lastRunId} its last run.
 */
public record AccountSyncResource(String account, String connection, String syncState, Instant syncStateAt,
                                  String syncDetail, SyncCursor cursor, String lastRunId) {

    static AccountSyncResource of(AccountSyncRow a) {
        return new AccountSyncResource(a.account(), a.connection(), a.syncState(), a.syncStateAt(), a.syncDetail(),
                SyncCursor.of(a.cursorTime(), a.cursorExecId()), a.lastRunId() == null ? null : a.lastRunId().toString());
    }
}
