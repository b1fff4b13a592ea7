package io.oms.infra.reconcile;

import io.oms.infra.persistence.Timestamps;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes reconciliation runs: opened RUNNING (idempotent by id), then SUCCEEDED with its counts or FAILED. */
@Repository
public class ReconciliationRunWriter {
    private final JdbcClient jdbc;

    public ReconciliationRunWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the run; a retried open finds it (false). */
    public boolean open(RunRecord run) {
        return jdbc.sql("""
                        INSERT INTO reconciliation_runs (id, tenant_id, account_code, connection_name, trigger, scope, status,
                                                         requested_by, started_at, executions_since)
                        VALUES (:id, :t, :a, :c, :trigger, :scope, 'RUNNING', :by, :at, :since)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", run.id())
                .param("t", run.tenantId())
                .param("a", run.account())
                .param("c", run.connection())
                .param("trigger", run.trigger())
                .param("scope", run.scope())
                .param("by", run.requestedBy())
                .param("at", Timestamps.bind(run.startedAt()))
                .param("since", run.executionsSince() == null ? null : Timestamps.bind(run.executionsSince()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .update() == 1;
    }

    /** The run as stored, whatever its tenant (the workflow knows only the run's id). */
    public Optional<ReconciliationRunRow> find(UUID id) {
        return jdbc.sql("SELECT " + ReconciliationRunRow.COLUMNS + " FROM reconciliation_runs WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> ReconciliationRunRow.map(rs))
                .optional();
    }

    /** Closes a RUNNING run as succeeded; false when it was already closed (a retried finish). */
    public boolean succeed(UUID id, String comparedJson, int findings, int repairs, int discrepancies,
                           Instant cursorTime, String cursorExecId, Instant at) {
        return jdbc.sql("""
                        UPDATE reconciliation_runs SET status = 'SUCCEEDED', finished_at = :at, compared = CAST(:compared AS jsonb),
                               findings = :f, repairs = :r, discrepancies = :d, cursor_time = :ct, cursor_exec_id = :ce
                        WHERE id = :id AND status = 'RUNNING'""")
                .param("id", id)
                .param("at", Timestamps.bind(at))
                .param("compared", comparedJson)
                .param("f", findings)
                .param("r", repairs)
                .param("d", discrepancies)
                .param("ct", cursorTime == null ? null : Timestamps.bind(cursorTime), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("ce", cursorExecId)
                .update() == 1;
    }

    /** Closes a RUNNING run as failed; false when it was already closed. */
    public boolean fail(UUID id, String error, Instant at) {
        return jdbc.sql("""
                        UPDATE reconciliation_runs SET status = 'FAILED', finished_at = :at, error = :e
                        WHERE id = :id AND status = 'RUNNING'""")
                .param("id", id)
                .param("at", Timestamps.bind(at))
                .param("e", error)
                .update() == 1;
    }

    /**
     * Deletes at most {@code limit} of the account's quiet runs that finished before {@code cutoff}, oldest first:
     * periodic checks (not FULL) that succeeded with no finding, repair or open discrepancy, and that no discrepancy
     * names as its first or last run nor the account as its latest. Full runs, failed runs and runs that found
     * something are kept. Returns how many went.
     */
    public int pruneQuiet(String tenantId, String account, Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM reconciliation_runs WHERE id IN (
                            SELECT r.id FROM reconciliation_runs r
                            WHERE r.tenant_id = :t AND r.account_code = :a AND r.finished_at < :cutoff
                              AND r.scope <> 'FULL' AND r.status = 'SUCCEEDED'
                              AND r.findings = 0 AND r.repairs = 0 AND r.discrepancies = 0
                              AND NOT EXISTS (SELECT 1 FROM reconciliation_findings f WHERE f.run_id = r.id)
                              AND NOT EXISTS (SELECT 1 FROM broker_accounts b WHERE b.last_run_id = r.id)
                              AND NOT EXISTS (SELECT 1 FROM reconciliation_discrepancies d
                                              WHERE d.first_run_id = r.id OR d.last_run_id = r.id)
                            ORDER BY r.finished_at
                            LIMIT :limit)""")
                .param("t", tenantId)
                .param("a", account)
                .param("cutoff", Timestamps.bind(cutoff))
                .param("limit", limit)
                .update();
    }
}
