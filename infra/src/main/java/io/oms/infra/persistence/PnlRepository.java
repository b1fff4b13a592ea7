package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What P&L is read from: positions valued at the last price, a day's effective executions, daily snapshots. */
@Repository
public class PnlRepository {
    private final JdbcClient jdbc;

    public PnlRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Realized P&L and commissions of one account's effective executions in a time window. */
    public record DayActivity(String account, BigDecimal realized, BigDecimal commissions) {}

    /** One end-of-day snapshot. */
    public record Snapshot(String account, LocalDate tradingDate, BigDecimal realized, BigDecimal unrealized,
                           BigDecimal commissions, String positionsJson, Instant takenAt) {}

    /** The tenant's positions (of one account when given) with their valuation price. */
    public List<ValuedPosition> valuedPositions(String tenantId, Optional<String> account) {
        String sql = """
                SELECT p.tenant_id, p.account, p.symbol, p.quantity, p.avg_cost, p.realized_pnl, p.commissions,
                       p.updated_at, m.at AS price_at,
                       COALESCE(m.price, (SELECT e.price FROM executions e
                                          WHERE e.tenant_id = p.tenant_id AND e.account = p.account
                                            AND e.symbol = p.symbol AND e.superseded_by IS NULL
                                          ORDER BY e.executed_at DESC, e.exec_id DESC LIMIT 1)) AS last_price
                FROM positions p LEFT JOIN market_prices m ON m.symbol = p.symbol
                WHERE p.tenant_id = :tenantId""" + (account.isPresent() ? " AND p.account = :account" : "")
                + " ORDER BY p.account, p.symbol";
        var spec = jdbc.sql(sql).param("tenantId", tenantId);
        if (account.isPresent()) {
            spec = spec.param("account", account.get());
        }
        return spec.query((rs, n) -> new ValuedPosition(position(rs), rs.getBigDecimal("last_price"),
                Timestamps.read(rs, "price_at"))).list();
    }

    /** Per account: realized P&L and commissions of effective executions executed in [from, to). */
    public List<DayActivity> activity(String tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT account, COALESCE(SUM(realized_pnl), 0) AS realized, COALESCE(SUM(commission), 0) AS commissions
                        FROM executions
                        WHERE tenant_id = :tenantId AND superseded_by IS NULL AND executed_at >= :from AND executed_at < :to
                        GROUP BY account ORDER BY account""")
                .param("tenantId", tenantId)
                .param("from", Timestamps.bind(from))
                .param("to", Timestamps.bind(to))
                .query((rs, n) -> new DayActivity(rs.getString("account"), rs.getBigDecimal("realized"),
                        rs.getBigDecimal("commissions")))
                .list();
    }

    /** The tenant's accounts: those it holds at a broker and those with positions. */
    public List<String> accounts(String tenantId) {
        return jdbc.sql("""
                        SELECT account_code AS account FROM broker_accounts WHERE tenant_id = :tenantId
                        UNION SELECT account FROM positions WHERE tenant_id = :tenantId ORDER BY account""")
                .param("tenantId", tenantId)
                .query(String.class)
                .list();
    }

    /** Writes the snapshot unless the account already has one for that date; true when written. */
    public boolean insertSnapshot(String tenantId, Snapshot s) {
        return jdbc.sql("""
                        INSERT INTO pnl_snapshots (id, tenant_id, account, trading_date, realized, unrealized, commissions,
                                                   positions, taken_at)
                        VALUES (:id, :tenantId, :account, :date, :realized, :unrealized, :commissions,
                                CAST(:positions AS jsonb), :takenAt)
                        ON CONFLICT (tenant_id, account, trading_date) DO NOTHING""")
                .param("id", UuidV7.next())
                .param("tenantId", tenantId)
                .param("account", s.account())
                .param("date", s.tradingDate())
                .param("realized", s.realized())
                .param("unrealized", s.unrealized())
                .param("commissions", s.commissions())
                .param("positions", s.positionsJson(), java.sql.Types.VARCHAR)
                .param("takenAt", Timestamps.bind(s.takenAt()))
                .update() == 1;
    }

    /**
     * Snapshots in [from, to] by trading date then account, of one account when given, after the cursor
     * (date, account) when given.
     */
    public List<Snapshot> snapshots(String tenantId, Optional<String> account, LocalDate from, LocalDate to,
                                    Optional<LocalDate> afterDate, Optional<String> afterAccount, int limit) {
        String sql = """
                SELECT account, trading_date, realized, unrealized, commissions, positions::text AS positions, taken_at
                FROM pnl_snapshots WHERE tenant_id = :tenantId AND trading_date BETWEEN :from AND :to"""
                + (account.isPresent() ? " AND account = :account" : "")
                + (afterDate.isPresent() ? " AND (trading_date, account) > (:afterDate, :afterAccount)" : "")
                + " ORDER BY trading_date, account LIMIT :limit";
        var spec = jdbc.sql(sql).param("tenantId", tenantId).param("from", from).param("to", to).param("limit", limit);
        if (account.isPresent()) {
            spec = spec.param("account", account.get());
        }
        if (afterDate.isPresent()) {
            spec = spec.param("afterDate", afterDate.get()).param("afterAccount", afterAccount.orElse(""));
        }
        return spec.query((rs, n) -> new Snapshot(rs.getString("account"), rs.getObject("trading_date", LocalDate.class),
                rs.getBigDecimal("realized"), rs.getBigDecimal("unrealized"), rs.getBigDecimal("commissions"),
                rs.getString("positions"), Timestamps.read(rs, "taken_at"))).list();
    }

    private static PositionRow position(ResultSet rs) throws SQLException {
        return new PositionRow(rs.getString("tenant_id"), rs.getString("account"), rs.getString("symbol"),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("avg_cost"), rs.getBigDecimal("realized_pnl"),
                rs.getBigDecimal("commissions"), Timestamps.read(rs, "updated_at"));
    }
}
