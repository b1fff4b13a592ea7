package io.oms.infra.reconcile;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A broker account's sync view: its state (PENDING, RECONCILING, SYNCED) and since when, why, the execution
 * cursor of its last successful run and its last run.
 */
public record AccountSyncRow(String account, String tenantId, String connection, String syncState,
                             Instant syncStateAt, String syncDetail, Instant cursorTime, String cursorExecId,
                             UUID lastRunId) {
    static final String COLUMNS = """
            account_code, tenant_id, connection_name, sync_state, sync_state_at, sync_detail, sync_cursor_time,
            sync_cursor_exec_id, last_run_id""";

    static AccountSyncRow map(ResultSet rs) throws SQLException {
        return new AccountSyncRow(rs.getString("account_code"), rs.getString("tenant_id"),
                rs.getString("connection_name"), rs.getString("sync_state"), Timestamps.read(rs, "sync_state_at"),
                rs.getString("sync_detail"), Timestamps.read(rs, "sync_cursor_time"), rs.getString("sync_cursor_exec_id"),
                rs.getObject("last_run_id", UUID.class));
    }
}
