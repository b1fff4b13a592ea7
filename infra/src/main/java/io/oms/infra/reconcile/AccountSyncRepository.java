package io.oms.infra.reconcile;

import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync state of broker accounts ({@code broker_accounts.sync_*}): the order path accepts new orders for an account
 * only while it is SYNCED. Written by the worker on every (re)connect (RECONCILING) and by reconciliation runs.
 */
@Repository
public class AccountSyncRepository {
    public static final String PENDING = "PENDING";
    public static final String RECONCILING = "RECONCILING";
    public static final String SYNCED = "SYNCED";


    private final JdbcClient jdbc;

    public AccountSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccountSyncRow> accountsOf(String connection) {
        return jdbc.sql("SELECT " + AccountSyncRow.COLUMNS + " FROM broker_accounts WHERE connection_name = :c ORDER BY account_code")
                .param("c", connection)
                .query((rs, n) -> AccountSyncRow.map(rs))
                .list();
    }

    public Optional<AccountSyncRow> find(String account) {
        return jdbc.sql("SELECT " + AccountSyncRow.COLUMNS + " FROM broker_accounts WHERE account_code = :a")
                .param("a", account)
                .query((rs, n) -> AccountSyncRow.map(rs))
                .optional();
    }

    /**
     * The account refuses new orders from now until a full run succeeds. {@code fullRunId}: the full run that is to
     * sync it (null when the session just changed): only that run's success marks it SYNCED, so a run that was
     * already under way when the session dropped again cannot let orders in.
     */
    public void markReconciling(String account, String detail, UUID fullRunId) {
        jdbc.sql("""
                        UPDATE broker_accounts SET sync_state = 'RECONCILING', sync_state_at = now(), sync_detail = :d,
                               last_run_id = :run
                        WHERE account_code = :a""")
                .param("a", account)
                .param("d", detail)
                .param("run", fullRunId, java.sql.Types.OTHER)
                .update();
    }

    /**
     * Records a finished run: its id, the new cursor (kept as it was when the run saw no execution) and, after the
     * full run the account waits for (nothing marked it since), the SYNCED state that lets orders in again.
     *
     * @return the account's sync state after the update (empty when the account is gone)
     */
    public java.util.Optional<String> recordRun(String account, UUID runId, boolean synced, Instant cursorTime,
                                                String cursorExecId) {
        return jdbc.sql("""
                        UPDATE broker_accounts SET last_run_id = CAST(:run AS uuid),
                               sync_cursor_time = COALESCE(CAST(:ct AS timestamptz), sync_cursor_time),
                               sync_cursor_exec_id = CASE WHEN CAST(:ct AS timestamptz) IS NULL THEN sync_cursor_exec_id
                                                          ELSE CAST(:ce AS text) END,
                               sync_state_at = CASE WHEN CAST(:synced AS boolean) AND last_run_id = CAST(:run AS uuid)
                                                         AND sync_state <> 'SYNCED' THEN now() ELSE sync_state_at END,
                               sync_state = CASE WHEN CAST(:synced AS boolean) AND last_run_id = CAST(:run AS uuid)
                                                 THEN 'SYNCED' ELSE sync_state END,
                               sync_detail = CASE WHEN CAST(:synced AS boolean) AND last_run_id = CAST(:run AS uuid)
                                                  THEN 'reconciled by run ' || CAST(:run AS text) ELSE sync_detail END
                        WHERE account_code = :a RETURNING sync_state""")
                .param("a", account)
                .param("run", runId)
                .param("synced", synced)
                .param("ct", cursorTime == null ? null : Timestamps.bind(cursorTime), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("ce", cursorExecId)
                .query(String.class)
                .optional();
    }

    /** A failed full run leaves the account refusing orders, and says why. */
    public void recordFailure(String account, String detail) {
        jdbc.sql("UPDATE broker_accounts SET sync_detail = :d WHERE account_code = :a AND sync_state <> 'SYNCED'")
                .param("a", account)
                .param("d", detail)
                .update();
    }
}
