package io.oms.infra.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Positions per (tenant, account, symbol). */
@Repository
public class PositionRepository {
    private static final String COLUMNS = "tenant_id, account, symbol, quantity, avg_cost, realized_pnl, commissions, updated_at";

    private final JdbcClient jdbc;

    public PositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a flat position if there is none, then locks the row. Call inside a transaction. */
    public PositionRow lockOrCreate(String tenantId, String account, String symbol) {
        jdbc.sql("""
                        INSERT INTO positions (tenant_id, account, symbol, quantity, avg_cost, realized_pnl, commissions, updated_at)
                        VALUES (:tenantId, :account, :symbol, 0, 0, 0, 0, now())
                        ON CONFLICT (tenant_id, account, symbol) DO NOTHING""")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM positions WHERE tenant_id = :tenantId AND account = :account AND symbol = :symbol FOR UPDATE")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .query(PositionRepository::map)
                .single();
    }

    /** Writes quantity, average cost, realized P&L and commissions of an existing position. */
    public void save(PositionRow p) {
        int rows = jdbc.sql("""
                        UPDATE positions SET quantity = :quantity, avg_cost = :avgCost, realized_pnl = :realizedPnl,
                                             commissions = :commissions, updated_at = :updatedAt
                        WHERE tenant_id = :tenantId AND account = :account AND symbol = :symbol""")
                .param("quantity", p.quantity())
                .param("avgCost", p.avgCost())
                .param("realizedPnl", p.realizedPnl())
                .param("commissions", p.commissions())
                .param("updatedAt", Timestamps.bind(p.updatedAt() == null ? Instant.now() : p.updatedAt()))
                .param("tenantId", p.tenantId())
                .param("account", p.account())
                .param("symbol", p.symbol())
                .update();
        if (rows != 1) {
            throw new IllegalStateException("no position " + p.account() + "/" + p.symbol() + " of tenant " + p.tenantId());
        }
    }

    public Optional<PositionRow> find(String tenantId, String account, String symbol) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM positions WHERE tenant_id = :tenantId AND account = :account AND symbol = :symbol")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("symbol", symbol)
                .query(PositionRepository::map)
                .optional();
    }

    /** The tenant's positions, of one account when given, ordered by account and symbol. */
    public List<PositionRow> list(String tenantId, Optional<String> account) {
        String sql = "SELECT " + COLUMNS + " FROM positions WHERE tenant_id = :tenantId"
                + (account.isPresent() ? " AND account = :account" : "") + " ORDER BY account, symbol";
        var spec = jdbc.sql(sql).param("tenantId", tenantId);
        if (account.isPresent()) {
            spec = spec.param("account", account.get());
        }
        return spec.query(PositionRepository::map).list();
    }

    private static PositionRow map(ResultSet rs, int rowNum) throws SQLException {
        return new PositionRow(
                rs.getString("tenant_id"),
                rs.getString("account"),
                rs.getString("symbol"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("avg_cost"),
                rs.getBigDecimal("realized_pnl"),
                rs.getBigDecimal("commissions"),
                Timestamps.read(rs, "updated_at"));
    }
}
