package io.oms.infra.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's list queries: whitelisted filters, a sort direction and keyset pagination (the rows after the last
 * one of the previous page in the sort order, with a unique tie-breaker), so a page never skips or repeats a
 * row when rows are added meanwhile. Every query is scoped to one tenant.
 */
@Repository
public class PagedLists {
    /** Hard cap whatever the caller asks: the API's configured maximum is far below it. */
    private static final int MAX_ROWS = 1001;

    private final JdbcClient jdbc;

    public PagedLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OrderFilter(Optional<String> state, Optional<String> symbol, Optional<String> side,
                              Optional<String> account, Optional<Instant> createdAfter, Optional<Instant> createdBefore) {}

    /** Position of an order in the {@code created_at} order; the id breaks ties. */
    public record OrderKey(Instant createdAt, UUID id) {}

    public List<OrderRow> orders(String tenantId, OrderFilter f, boolean ascending, Optional<OrderKey> after, int limit) {
        SqlFilter q = new SqlFilter("SELECT " + OrderRepository.COLUMNS + " FROM orders", tenantId)
                .where("state = :state", "state", f.state())
                .where("symbol = :symbol", "symbol", f.symbol())
                .where("side = :side", "side", f.side())
                .where("account = :account", "account", f.account())
                .where("created_at > :createdAfter", "createdAfter", f.createdAfter().map(Timestamps::bind))
                .where("created_at < :createdBefore", "createdBefore", f.createdBefore().map(Timestamps::bind))
                .after("created_at, id", ascending, after.map(k -> key("kAt", Timestamps.bind(k.createdAt()), "kId", k.id())))
                .orderBy("created_at, id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query(OrderRepository::map).list();
    }

    public record AuditFilter(Optional<String> resourceType, Optional<String> resourceId, Optional<String> action) {}

    /** Audit records in id order (UUIDv7: the order they were written), records not chained yet included. */
    public List<AuditEntry> audit(String tenantId, AuditFilter f, boolean ascending, Optional<UUID> after, int limit) {
        SqlFilter q = new SqlFilter("SELECT " + AuditRepository.COLUMNS + " FROM audit_log", tenantId)
                .where("resource_type = :resourceType", "resourceType", f.resourceType())
                .where("resource_id = :resourceId", "resourceId", f.resourceId())
                .where("action = :action", "action", f.action())
                .after("id", ascending, after.map(id -> key("kId", id)))
                .orderBy("id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> AuditRepository.entry(rs)).list();
    }

    /** Position of a snapshot in the trading date order; the account breaks ties. */
    public record SnapshotKey(LocalDate tradingDate, String account) {}

    public List<PnlRepository.Snapshot> snapshots(String tenantId, Optional<String> account, LocalDate from, LocalDate to,
                                                  boolean ascending, Optional<SnapshotKey> after, int limit) {
        SqlFilter q = new SqlFilter("""
                SELECT account, trading_date, realized, unrealized, commissions, positions::text AS positions, taken_at
                FROM pnl_snapshots""", tenantId)
                .where("trading_date >= :from", "from", Optional.of(from))
                .where("trading_date <= :to", "to", Optional.of(to))
                .where("account = :account", "account", account)
                .after("trading_date, account", ascending, after.map(k -> key("kDate", k.tradingDate(), "kAccount", k.account())))
                .orderBy("trading_date, account", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> new PnlRepository.Snapshot(rs.getString("account"),
                rs.getObject("trading_date", LocalDate.class), rs.getBigDecimal("realized"), rs.getBigDecimal("unrealized"),
                rs.getBigDecimal("commissions"), rs.getString("positions"), Timestamps.read(rs, "taken_at"))).list();
    }

    private static int cap(int limit) {
        return Math.max(1, Math.min(limit, MAX_ROWS));
    }

    private static Map<String, Object> key(Object... namesAndValues) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) key.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return key;
    }
}
