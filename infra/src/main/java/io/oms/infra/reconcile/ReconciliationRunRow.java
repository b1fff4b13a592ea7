package io.oms.infra.reconcile;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * One reconciliation run as stored: what it compared ({@code compared}, the jsonb object of counts as text), how
 * many findings, repairs and open discrepancies it produced, and the execution cursor it left.
 */
public record ReconciliationRunRow(UUID id, String tenantId, String account, String connection, String trigger,
                                   String scope, String status, String requestedBy, Instant startedAt,
                                   Instant finishedAt, String compared, int findings, int repairs, int discrepancies,
                                   Instant executionsSince, Instant cursorTime, String cursorExecId, String error) {
    static final String COLUMNS = """
            id, tenant_id, account_code, connection_name, trigger, scope, status, requested_by, started_at, finished_at,
            compared::text AS compared, findings, repairs, discrepancies, executions_since, cursor_time, cursor_exec_id, error""";

    static ReconciliationRunRow map(ResultSet rs) throws SQLException {
        return new ReconciliationRunRow(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getString("account_code"), rs.getString("connection_name"), rs.getString("trigger"),
                rs.getString("scope"), rs.getString("status"), rs.getString("requested_by"),
                Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"), rs.getString("compared"),
                rs.getInt("findings"), rs.getInt("repairs"), rs.getInt("discrepancies"),
                Timestamps.read(rs, "executions_since"), Timestamps.read(rs, "cursor_time"),
                rs.getString("cursor_exec_id"), rs.getString("error"));
    }
}
