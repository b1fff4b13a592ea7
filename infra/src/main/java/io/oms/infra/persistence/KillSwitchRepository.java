package io.oms.infra.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kill switches' read table, and the live orders an engagement cancels. */
@Repository
public class KillSwitchRepository {
    private static final String COLUMNS = "tenant_id, scope, scope_id, state, reason_code, reason, actor, changed_at, version";
    /** Bound of one listing; a sweep lists again until none is left, so more orders only take more rounds. */
    static final int MAX_LIVE = 5_000;

    private final JdbcClient jdbc;

    public KillSwitchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the row unless a version at least as new is there; true when written. */
    public boolean save(KillSwitchRow row) {
        return jdbc.sql("""
                        INSERT INTO kill_switches (tenant_id, scope, scope_id, state, reason_code, reason, actor, changed_at, version)
                        VALUES (:tenantId, :scope, :scopeId, :state, :reasonCode, :reason, :actor, :changedAt, :version)
                        ON CONFLICT (tenant_id, scope, scope_id) DO UPDATE SET state = EXCLUDED.state,
                            reason_code = EXCLUDED.reason_code, reason = EXCLUDED.reason, actor = EXCLUDED.actor,
                            changed_at = EXCLUDED.changed_at, version = EXCLUDED.version
                        WHERE kill_switches.version < EXCLUDED.version""")
                .param("tenantId", row.tenantId())
                .param("scope", row.scope())
                .param("scopeId", row.scopeId())
                .param("state", row.state())
                .param("reasonCode", row.reasonCode())
                .param("reason", row.reason())
                .param("actor", row.actor())
                .param("changedAt", Timestamps.bind(row.changedAt()))
                .param("version", row.version())
                .update() == 1;
    }

    /** Every engaged switch of every tenant (the gate's cache). */
    public List<KillSwitchRow> engaged() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kill_switches WHERE state <> 'ACTIVE' ORDER BY tenant_id, scope, scope_id")
                .query(KillSwitchRepository::map).list();
    }

    /** The engaged switches of a tenant, and the global one when engaged. */
    public List<KillSwitchRow> engaged(String tenantId, String systemTenant) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kill_switches WHERE state <> 'ACTIVE' AND tenant_id IN (:t, :s) "
                        + "ORDER BY changed_at, scope, scope_id")
                .param("t", tenantId).param("s", systemTenant)
                .query(KillSwitchRepository::map).list();
    }

    public Optional<KillSwitchRow> find(String tenantId, String scope, String scopeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kill_switches WHERE tenant_id = :t AND scope = :s AND scope_id = :id")
                .param("t", tenantId).param("s", scope).param("id", scopeId)
                .query(KillSwitchRepository::map).optional();
    }

    /** A live order: enough to address its workflow. */
    public record LiveOrder(String tenantId, String clientOrderId) {}

    /** Live orders of one account, one tenant (account null) or every tenant (both null). */
    public List<LiveOrder> liveOrders(String tenantId, String account) {
        // External orders (placed outside the OMS) have no workflow to cancel them; the global switch's
        // reqGlobalCancel reaches them at IB.
        StringBuilder sql = new StringBuilder("SELECT tenant_id, client_order_id FROM orders WHERE origin = 'OMS' AND " + LiveOrders.STATE_PREDICATE);
        if (tenantId != null) sql.append(" AND tenant_id = :t");
        if (account != null) sql.append(" AND account = :a");
        sql.append(" ORDER BY id LIMIT ").append(MAX_LIVE);
        var statement = jdbc.sql(sql.toString());
        if (tenantId != null) statement = statement.param("t", tenantId);
        if (account != null) statement = statement.param("a", account);
        return statement.query((rs, n) -> new LiveOrder(rs.getString(1), rs.getString(2))).list();
    }

    /** Every IB connection that serves an account of any tenant. */
    public List<String> brokerConnections() {
        return jdbc.sql("SELECT DISTINCT connection_name FROM broker_accounts ORDER BY connection_name")
                .query(String.class).list();
    }

    /** The live orders of the tenant that name {@code strategy} (a strategy's switch sweeps them). */
    public List<LiveOrder> liveOrdersOfStrategy(String tenantId, String strategy) {
        return jdbc.sql("SELECT tenant_id, client_order_id FROM orders WHERE origin = 'OMS' AND " + LiveOrders.STATE_PREDICATE
                        + " AND tenant_id = :t AND strategy = :s ORDER BY id LIMIT " + MAX_LIVE)
                .param("t", tenantId).param("s", strategy)
                .query((rs, n) -> new LiveOrder(rs.getString(1), rs.getString(2))).list();
    }

    private static KillSwitchRow map(ResultSet rs, int n) throws SQLException {
        return new KillSwitchRow(rs.getString("tenant_id"), rs.getString("scope"), rs.getString("scope_id"),
                rs.getString("state"), rs.getString("reason_code"), rs.getString("reason"), rs.getString("actor"),
                rs.getTimestamp("changed_at").toInstant(), rs.getLong("version"));
    }
}
