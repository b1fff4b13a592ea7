package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenant's risk overrides. Every statement filters by tenant. Nothing here knows the clock: callers pass
 * {@code now}, and "active" is always {@code revoked_at IS NULL AND used_at IS NULL AND expires_at > now}.
 */
@Repository
public class RiskOverrideRepository {
    /** Active overrides a tenant may hold at once (every denied check reads the LIMIT ones). */
    public static final int MAX_ACTIVE_PER_TENANT = 1000;
    static final String COLUMNS = "id, tenant_id, kind, account, symbol, side, quantity, order_type, limit_price, "
            + "array_to_string(reasons, ',') AS reasons, source_order, limit_id, reason, created_by, created_at, "
            + "expires_at, revoked_at, revoked_by, used_at, used_by_order";
    private static final String ACTIVE = "revoked_at IS NULL AND used_at IS NULL AND expires_at > :now";

    private final JdbcClient jdbc;

    public RiskOverrideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RiskOverride o) {
        OverrideTerms t = o.terms();
        jdbc.sql("""
                        INSERT INTO risk_overrides (id, tenant_id, kind, account, symbol, side, quantity, order_type,
                                                    limit_price, reasons, source_order, limit_id, reason, created_by,
                                                    created_at, expires_at)
                        VALUES (:id, :tenantId, :kind, :account, :symbol, :side, :quantity, :type, :limitPrice,
                                string_to_array(:reasons, ','), :sourceOrder, :limitId, :reason, :createdBy,
                                :createdAt, :expiresAt)""")
                .param("id", o.id())
                .param("tenantId", o.tenantId())
                .param("kind", o.kind().name())
                .param("account", t == null ? null : t.account(), java.sql.Types.VARCHAR)
                .param("symbol", t == null ? null : t.symbol(), java.sql.Types.VARCHAR)
                .param("side", t == null ? null : t.side(), java.sql.Types.VARCHAR)
                .param("quantity", t == null ? null : t.quantity(), java.sql.Types.NUMERIC)
                .param("type", t == null ? null : t.type(), java.sql.Types.VARCHAR)
                .param("limitPrice", t == null ? null : t.limitPrice(), java.sql.Types.NUMERIC)
                .param("reasons", t == null ? null : String.join(",", t.reasons()), java.sql.Types.VARCHAR)
                .param("sourceOrder", o.sourceOrderId(), java.sql.Types.OTHER)
                .param("limitId", o.limitId(), java.sql.Types.OTHER)
                .param("reason", o.reason())
                .param("createdBy", o.createdBy())
                .param("createdAt", Timestamps.bind(o.createdAt()))
                .param("expiresAt", Timestamps.bind(o.expiresAt()))
                .update();
    }

    public Optional<RiskOverride> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_overrides WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query(RiskOverrideRepository::map).optional();
    }

    /** Newest first; {@code before} (an id of the previous page) continues a listing; null status = all. */
    public List<RiskOverride> list(String tenantId, OverrideStatus status, Instant now, UUID before, int limit) {
        String where = switch (status == null ? "ALL" : status.name()) {
            case "ACTIVE" -> ACTIVE;
            case "USED" -> "revoked_at IS NULL AND used_at IS NOT NULL";
            case "EXPIRED" -> "revoked_at IS NULL AND used_at IS NULL AND expires_at <= :now";
            case "REVOKED" -> "revoked_at IS NOT NULL";
            default -> "TRUE";
        };
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_overrides WHERE tenant_id = :tenantId AND " + where
                        + " AND (CAST(:before AS uuid) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
                .param("tenantId", tenantId)
                .param("now", Timestamps.bind(now))
                .param("before", before, java.sql.Types.OTHER)
                .param("limit", limit)
                .query(RiskOverrideRepository::map).list();
    }

    public int countActive(String tenantId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM risk_overrides WHERE tenant_id = :tenantId AND " + ACTIVE)
                .param("tenantId", tenantId).param("now", Timestamps.bind(now))
                .query(Integer.class).single();
    }

    /** Revokes an active override; false when it is not active (already revoked, used or expired) or not the tenant's. */
    public boolean revoke(String tenantId, UUID id, String by, Instant now) {
        return jdbc.sql("UPDATE risk_overrides SET revoked_at = :now, revoked_by = :by "
                        + "WHERE tenant_id = :tenantId AND id = :id AND " + ACTIVE)
                .param("tenantId", tenantId).param("id", id).param("by", by).param("now", Timestamps.bind(now))
                .update() == 1;
    }

    /** The limits the tenant's active LIMIT overrides lift at {@code now}. */
    public Set<UUID> liftedLimits(String tenantId, Instant now) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT limit_id FROM risk_overrides "
                        + "WHERE tenant_id = :tenantId AND kind = 'LIMIT' AND " + ACTIVE)
                .param("tenantId", tenantId).param("now", Timestamps.bind(now))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    /**
     * The ORDER overrides whose terms match the order exactly (quantity and limit price by value) and that it may
     * use: active ones, and one this very order (by client order id) already consumed, so that a retried check
     * finds it again. The latter come first, then the soonest to expire.
     */
    public List<RiskOverride> orderCandidates(String tenantId, OverrideTerms order, String clientOrderId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM risk_overrides
                        WHERE tenant_id = :tenantId AND kind = 'ORDER' AND revoked_at IS NULL
                          AND account = :account AND symbol = :symbol AND side = :side AND order_type = :type
                          AND quantity = :quantity AND limit_price IS NOT DISTINCT FROM CAST(:limitPrice AS numeric)
                          AND (used_by_order = :clientOrderId OR (used_at IS NULL AND expires_at > :now))
                        ORDER BY used_by_order IS NULL, expires_at, id""")
                .param("tenantId", tenantId)
                .param("account", order.account())
                .param("symbol", order.symbol())
                .param("side", order.side())
                .param("type", order.type())
                .param("quantity", order.quantity())
                .param("limitPrice", order.limitPrice(), java.sql.Types.NUMERIC)
                .param("clientOrderId", clientOrderId)
                .param("now", Timestamps.bind(now))
                .query(RiskOverrideRepository::map).list();
    }

    /**
     * Marks an ORDER override used by the order, if it is still active: of two orders racing for it, the row lock
     * lets exactly one update it. True when this call consumed it.
     */
    public boolean consume(String tenantId, UUID id, String clientOrderId, Instant now) {
        return jdbc.sql("UPDATE risk_overrides SET used_at = :now, used_by_order = :clientOrderId "
                        + "WHERE tenant_id = :tenantId AND id = :id AND kind = 'ORDER' AND " + ACTIVE)
                .param("tenantId", tenantId).param("id", id).param("clientOrderId", clientOrderId)
                .param("now", Timestamps.bind(now))
                .update() == 1;
    }

    static RiskOverride map(ResultSet rs, int row) throws SQLException {
        OverrideKind kind = OverrideKind.valueOf(rs.getString("kind"));
        OverrideTerms terms = kind != OverrideKind.ORDER ? null : new OverrideTerms(rs.getString("account"),
                rs.getString("symbol"), rs.getString("side"), rs.getString("order_type"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("limit_price"), Arrays.asList(rs.getString("reasons").split(",")));
        return new RiskOverride(rs.getObject("id", UUID.class), rs.getString("tenant_id"), kind, terms,
                rs.getObject("source_order", UUID.class), rs.getObject("limit_id", UUID.class), rs.getString("reason"),
                rs.getString("created_by"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "revoked_at"), rs.getString("revoked_by"), Timestamps.read(rs, "used_at"),
                rs.getString("used_by_order"));
    }
}
