package io.oms.infra.reconcile;

import io.oms.infra.persistence.SqlFilter;
import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's reads of reconciliation: runs (keyset-paged like every list, newest started first by default), a run's
 * findings, the discrepancies and the accounts' sync view. Every query is scoped to one tenant; the writes are the
 * reconciliation's own.
 */
@Repository
public class ReconciliationReads {
    /** Hard cap whatever the caller asks: the API's configured maximum is far below it. */
    private static final int MAX_ROWS = 1001;
    private static final String FINDING_COLUMNS = """
            id, run_id, account_code, kind, action, order_id, symbol, exec_id, perm_id, oms_value, broker_value, detail, found_at""";
    private static final String DISCREPANCY_COLUMNS = """
            id, tenant_id, account_code, symbol, status, oms_qty, derived_qty, broker_qty, oms_avg_cost, broker_avg_cost,
            first_run_id, last_run_id, opened_at, updated_at, resolved_at, acknowledged_by, note""";

    private final JdbcClient jdbc;

    public ReconciliationReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RunFilter(Optional<String> account, Optional<String> status, Optional<String> trigger,
                            Optional<String> scope) {}

    /** Position of a run or discrepancy in its time order; the id breaks ties. */
    public record TimeKey(Instant at, UUID id) {}

    public List<ReconciliationRunRow> runs(String tenantId, RunFilter f, boolean ascending, Optional<TimeKey> after,
                                           int limit) {
        SqlFilter q = new SqlFilter("SELECT " + ReconciliationRunRow.COLUMNS + " FROM reconciliation_runs", tenantId)
                .where("account_code = :account", "account", f.account())
                .where("status = :status", "status", f.status())
                .where("trigger = :trigger", "trigger", f.trigger())
                .where("scope = :scope", "scope", f.scope())
                .after("started_at, id", ascending, after.map(ReconciliationReads::key))
                .orderBy("started_at, id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> ReconciliationRunRow.map(rs)).list();
    }

    public Optional<ReconciliationRunRow> run(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + ReconciliationRunRow.COLUMNS + " FROM reconciliation_runs WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> ReconciliationRunRow.map(rs)).optional();
    }

    /** Every finding of the run, in the order they were found. */
    public List<ReconciliationFindingRow> findings(String tenantId, UUID runId) {
        return jdbc.sql("SELECT " + FINDING_COLUMNS + """
                         FROM reconciliation_findings WHERE tenant_id = :tenantId AND run_id = :runId
                        ORDER BY found_at, id""")
                .param("tenantId", tenantId).param("runId", runId)
                .query((rs, n) -> new ReconciliationFindingRow(rs.getObject("id", UUID.class),
                        rs.getObject("run_id", UUID.class), rs.getString("account_code"), rs.getString("kind"),
                        rs.getString("action"), rs.getObject("order_id", UUID.class), rs.getString("symbol"),
                        rs.getString("exec_id"), rs.getObject("perm_id", Long.class), rs.getString("oms_value"),
                        rs.getString("broker_value"), rs.getString("detail"), Timestamps.read(rs, "found_at")))
                .list();
    }

    public record DiscrepancyFilter(Optional<String> status, Optional<String> account, Optional<String> symbol) {}

    public List<ReconciliationDiscrepancyRow> discrepancies(String tenantId, DiscrepancyFilter f, boolean ascending,
                                                            Optional<TimeKey> after, int limit) {
        SqlFilter q = new SqlFilter("SELECT " + DISCREPANCY_COLUMNS + " FROM reconciliation_discrepancies", tenantId)
                .where("status = :status", "status", f.status())
                .where("account_code = :account", "account", f.account())
                .where("symbol = :symbol", "symbol", f.symbol())
                .after("opened_at, id", ascending, after.map(ReconciliationReads::key))
                .orderBy("opened_at, id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> discrepancy(rs)).list();
    }

    public Optional<ReconciliationDiscrepancyRow> discrepancy(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + DISCREPANCY_COLUMNS
                        + " FROM reconciliation_discrepancies WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> discrepancy(rs)).optional();
    }

    /** The tenant's broker accounts (one when {@code account} is given) with their sync view, by account code. */
    public List<AccountSyncRow> accounts(String tenantId, Optional<String> account) {
        SqlFilter q = new SqlFilter("SELECT " + AccountSyncRow.COLUMNS + " FROM broker_accounts", tenantId)
                .where("account_code = :account", "account", account)
                .orderBy("account_code", true, MAX_ROWS);
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> AccountSyncRow.map(rs)).list();
    }

    static ReconciliationDiscrepancyRow discrepancy(ResultSet rs) throws SQLException {
        return new ReconciliationDiscrepancyRow(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getString("account_code"), rs.getString("symbol"), rs.getString("status"),
                rs.getBigDecimal("oms_qty"), rs.getBigDecimal("derived_qty"), rs.getBigDecimal("broker_qty"),
                rs.getBigDecimal("oms_avg_cost"), rs.getBigDecimal("broker_avg_cost"),
                rs.getObject("first_run_id", UUID.class), rs.getObject("last_run_id", UUID.class),
                Timestamps.read(rs, "opened_at"), Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "resolved_at"), rs.getString("acknowledged_by"), rs.getString("note"));
    }

    private static Map<String, Object> key(TimeKey key) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kAt", Timestamps.bind(key.at()));
        values.put("kId", key.id());
        return values;
    }

    private static int cap(int limit) {
        return Math.max(1, Math.min(limit, MAX_ROWS));
    }
}
