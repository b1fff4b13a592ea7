package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code executions} ledger: each (account, execId) at most once. Corrections of one execution share its
 * exec base; only effective rows ({@code superseded_by IS NULL}) count for positions.
 */
@Repository
public class ExecutionRepository {
    private static final String COLUMNS = "exec_id, account, symbol, side, quantity, price, exchange, executed_at, "
            + "commission, commission_currency, superseded_by, realized_pnl";

    private final JdbcClient jdbc;
    private final ExecutionCheckpoints checkpoints;

    public ExecutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.checkpoints = new ExecutionCheckpoints(jdbc);
    }

    /** The fold queries over the same ledger (positions' checkpoints). */
    public ExecutionCheckpoints checkpoints() {
        return checkpoints;
    }

    /** Inserts the fill unless its (account, execId) is already recorded; true when inserted. */
    public boolean insertIfAbsent(NewExecution e) {
        return jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, symbol, side, quantity, price,
                                                exchange, broker_order_id, perm_id, executed_at, exec_base, exec_revision)
                        VALUES (:id, :tenantId, :orderId, :account, :execId, :symbol, :side, :quantity, :price,
                                :exchange, :brokerOrderId, :permId, :executedAt, :execBase, :revision)
                        ON CONFLICT (account, exec_id) DO NOTHING""")
                .param("id", UuidV7.next())
                .param("tenantId", e.tenantId())
                .param("orderId", e.orderId())
                .param("account", e.account())
                .param("execId", e.execId())
                .param("symbol", e.symbol())
                .param("side", e.side())
                .param("quantity", e.quantity())
                .param("price", e.price())
                .param("exchange", e.exchange())
                .param("brokerOrderId", e.brokerOrderId())
                .param("permId", e.permId())
                .param("executedAt", Timestamps.bind(e.executedAt()))
                .param("execBase", e.execBase())
                .param("revision", e.revision())
                .update() == 1;
    }

    /**
     * Sets the commission of a recorded fill unless it is already set. Returns false when it was already set
     * or the fill is not (yet) recorded.
     */
    public boolean setCommission(String tenantId, String account, String execId, BigDecimal commission, String currency) {
        return jdbc.sql("""
                        UPDATE executions SET commission = :commission, commission_currency = :currency
                        WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId AND commission IS NULL""")
                .param("commission", commission)
                .param("currency", currency)
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .update() == 1;
    }

    /** The order an execution was recorded for, whichever tenant owns it (exec ids are unique per account). */
    public Optional<UUID> orderOf(String account, String execId) {
        return jdbc.sql("SELECT order_id FROM executions WHERE account = :account AND exec_id = :execId")
                .param("account", account)
                .param("execId", execId)
                .query(UUID.class)
                .optional();
    }

    public Optional<ExecutionRow> find(String tenantId, String account, String execId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM executions WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .query(ExecutionRepository::map)
                .optional();
    }

    /** The effective fills of one order (corrections replace what they correct), oldest first. */
    public List<ExecutionRow> listByOrder(String tenantId, UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM executions WHERE tenant_id = :tenantId AND order_id = :orderId"
                        + " AND superseded_by IS NULL ORDER BY executed_at, exec_id")
                .param("tenantId", tenantId)
                .param("orderId", orderId)
                .query(ExecutionRepository::map)
                .list();
    }

    /**
     * Serializes writers of one (account, execId) until the transaction ends: an execution and its commission
     * arriving at once must not each miss the other.
     */
    public void lockExecId(String account, String execId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked")
                .param("key", account + "/" + execId)
                .query(Integer.class)
                .single();
    }

    /** Every recorded revision of one execution (its exec base), lowest revision first. */
    public List<Revision> revisions(String tenantId, String account, String execBase) {
        return jdbc.sql("""
                        SELECT exec_id, exec_revision, superseded_by FROM executions
                        WHERE tenant_id = :tenantId AND account = :account AND exec_base = :base
                        ORDER BY exec_revision, exec_id""")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("base", execBase)
                .query((rs, n) -> new Revision(rs.getString("exec_id"), rs.getInt("exec_revision"), rs.getString("superseded_by")))
                .list();
    }

    /** Marks an execution as replaced by {@code by}; it no longer counts, so it realizes nothing and has no checkpoint. */
    public void markSuperseded(String tenantId, String account, String execId, String by) {
        jdbc.sql("""
                        UPDATE executions SET superseded_by = :by, realized_pnl = NULL, position_qty_after = NULL,
                                              avg_cost_after = NULL, realized_after = NULL
                        WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId""")
                .param("by", by)
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .update();
    }

    /**
     * True when an effective fill of the position comes after (executedAt, execId) in canonical order. Asked as
     * "is the position's latest fill later?", which walks executions_effective_position_idx backwards to one row
     * whatever the plan. Asked as EXISTS (... > ...), a prepared statement's generic plan scanned the whole table
     * on every fill in the usual case, where no later fill exists.
     */
    public boolean hasEffectiveAfter(String tenantId, String account, String symbol, java.time.Instant executedAt,
                                     String execId) {
        return jdbc.sql("""
                        SELECT (executed_at, exec_id) > (:at, :execId) FROM executions
                        WHERE tenant_id = :tenantId AND account = :account AND symbol = :symbol AND superseded_by IS NULL
                        ORDER BY executed_at DESC, exec_id DESC LIMIT 1""")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .param("at", Timestamps.bind(executedAt))
                .param("execId", execId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Keeps a commission whose execution is not recorded yet (the first report wins). */
    public void keepPendingCommission(String tenantId, String account, String execId, BigDecimal commission,
                                      String currency) {
        jdbc.sql("""
                        INSERT INTO pending_commissions (tenant_id, account, exec_id, commission, currency)
                        VALUES (:tenantId, :account, :execId, :commission, :currency)
                        ON CONFLICT (account, exec_id) DO NOTHING""")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .param("commission", commission)
                .param("currency", currency)
                .update();
    }

    /** Removes and returns the commission kept for this execution, if one arrived before it. */
    public Optional<PendingCommission> takePendingCommission(String tenantId, String account, String execId) {
        return jdbc.sql("""
                        DELETE FROM pending_commissions
                        WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId
                        RETURNING commission, currency""")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .query((rs, n) -> new PendingCommission(rs.getBigDecimal("commission"), rs.getString("currency")))
                .optional();
    }

    /** One revision of an execution: its id, numeric suffix, and the correction that replaced it (or null). */
    public record Revision(String execId, int revision, String supersededBy) {}

    /** A commission report that arrived before its execution. */
    public record PendingCommission(BigDecimal commission, String currency) {}

    private static ExecutionRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ExecutionRow(
                rs.getString("exec_id"),
                rs.getString("account"),
                rs.getString("symbol"),
                rs.getString("side"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("price"),
                rs.getString("exchange"),
                Timestamps.read(rs, "executed_at"),
                rs.getBigDecimal("commission"),
                rs.getString("commission_currency"),
                rs.getString("superseded_by"),
                rs.getBigDecimal("realized_pnl"));
    }
}
