package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fold queries of the {@code executions} ledger: effective executions of one position (tenant, account,
 * symbol) in canonical order (executed_at, exec_id) with the position checkpoint each carries. Every key
 * comparison happens in SQL, so the order is the database's, the same the index and the fold use.
 */
public class ExecutionCheckpoints {
    private static final String COLUMNS = "e.exec_id, e.side, e.quantity, e.price, e.executed_at, e.realized_pnl, "
            + "e.position_qty_after, e.avg_cost_after, e.realized_after";
    private static final String POSITION = " FROM executions e WHERE e.tenant_id = :tenantId AND e.account = :account"
            + " AND e.symbol = :symbol AND e.superseded_by IS NULL";

    private final JdbcClient jdbc;

    public ExecutionCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position after an execution; all null when it was never checkpointed. */
    public record Checkpoint(BigDecimal quantity, BigDecimal avgCost, BigDecimal realized) {
        public boolean present() {
            return quantity != null && avgCost != null && realized != null;
        }
    }

    /** One effective execution as the fold reads it. */
    public record FoldRow(String execId, String side, BigDecimal quantity, BigDecimal price, Instant executedAt,
                          BigDecimal realizedPnl, Checkpoint after) {}

    /**
     * The last effective execution of the position before the earliest (in canonical order) of the given
     * executions of this account; empty when none comes before it.
     */
    public Optional<FoldRow> lastEffectiveBefore(String tenantId, String account, String symbol, Collection<String> execIds) {
        return jdbc.sql("WITH k AS (SELECT executed_at, exec_id FROM executions WHERE tenant_id = :tenantId"
                        + " AND account = :account AND exec_id IN (:execIds) ORDER BY executed_at, exec_id LIMIT 1)"
                        + " SELECT " + COLUMNS + POSITION + " AND (e.executed_at, e.exec_id) < (SELECT executed_at, exec_id FROM k)"
                        + " ORDER BY e.executed_at DESC, e.exec_id DESC LIMIT 1")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .param("execIds", execIds)
                .query(ExecutionCheckpoints::map)
                .optional();
    }

    /** The effective executions of the position after (executedAt, execId), in canonical order. */
    public List<FoldRow> effectiveAfter(String tenantId, String account, String symbol, Instant executedAt, String execId) {
        return jdbc.sql("SELECT " + COLUMNS + POSITION + " AND (e.executed_at, e.exec_id) > (:at, :execId)"
                        + " ORDER BY e.executed_at, e.exec_id")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .param("at", Timestamps.bind(executedAt))
                .param("execId", execId)
                .query(ExecutionCheckpoints::map)
                .list();
    }

    /** Every effective execution of the position, in canonical order. */
    public List<FoldRow> effective(String tenantId, String account, String symbol) {
        return jdbc.sql("SELECT " + COLUMNS + POSITION + " ORDER BY e.executed_at, e.exec_id")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .query(ExecutionCheckpoints::map)
                .list();
    }

    /** Records what an execution realized and the position right after it. */
    public void write(String tenantId, String account, String execId, BigDecimal realized, Checkpoint after) {
        jdbc.sql("""
                        UPDATE executions SET realized_pnl = :realized, position_qty_after = :qty,
                                              avg_cost_after = :avg, realized_after = :realizedAfter
                        WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId""")
                .param("realized", realized)
                .param("qty", after.quantity())
                .param("avg", after.avgCost())
                .param("realizedAfter", after.realized())
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .update();
    }

    private static FoldRow map(ResultSet rs, int rowNum) throws SQLException {
        return new FoldRow(rs.getString("exec_id"), rs.getString("side"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("price"), Timestamps.read(rs, "executed_at"), rs.getBigDecimal("realized_pnl"),
                new Checkpoint(rs.getBigDecimal("position_qty_after"), rs.getBigDecimal("avg_cost_after"),
                        rs.getBigDecimal("realized_after")));
    }
}
