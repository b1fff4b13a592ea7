package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants' circuit breakers (one per kind) and their trips. Every statement filters by tenant. */
@Repository
public class CircuitBreakerRepository {
    private static final String COLUMNS = "tenant_id, kind, scope, account_code, threshold, window_seconds, action, "
            + "enabled, created_by, created_at, updated_by, updated_at";
    private static final String TRIP_COLUMNS = "id, tenant_id, kind, scope, scope_id, action, measured, threshold, "
            + "window_seconds, samples, detail, tripped_at";

    private final JdbcClient jdbc;

    public CircuitBreakerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the tenant's breaker of that kind (its creator and creation time are kept); true when created. */
    public boolean upsert(CircuitBreaker b) {
        return jdbc.sql("""
                        INSERT INTO circuit_breakers (tenant_id, kind, scope, account_code, threshold, window_seconds, action,
                                                      enabled, created_by, created_at, updated_by, updated_at)
                        VALUES (:tenantId, :kind, :scope, :account, :threshold, :window, :action, :enabled, :by, :at, :by, :at)
                        ON CONFLICT (tenant_id, kind) DO UPDATE SET scope = EXCLUDED.scope,
                            account_code = EXCLUDED.account_code, threshold = EXCLUDED.threshold,
                            window_seconds = EXCLUDED.window_seconds, action = EXCLUDED.action, enabled = EXCLUDED.enabled,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        RETURNING (xmax = 0) AS created""")
                .param("tenantId", b.tenantId())
                .param("kind", b.kind().name())
                .param("scope", b.scope())
                .param("account", b.account(), java.sql.Types.VARCHAR)
                .param("threshold", b.threshold())
                .param("window", b.windowSeconds(), java.sql.Types.INTEGER)
                .param("action", b.action())
                .param("enabled", b.enabled())
                .param("by", b.updatedBy())
                .param("at", Timestamps.bind(b.updatedAt()))
                .query(Boolean.class).single();
    }

    public Optional<CircuitBreaker> find(String tenantId, BreakerKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM circuit_breakers WHERE tenant_id = :t AND kind = :k")
                .param("t", tenantId).param("k", kind.name())
                .query(CircuitBreakerRepository::map).optional();
    }

    /** The tenant's breakers in kind order. */
    public List<CircuitBreaker> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM circuit_breakers WHERE tenant_id = :t ORDER BY kind")
                .param("t", tenantId)
                .query(CircuitBreakerRepository::map).list();
    }

    public boolean delete(String tenantId, BreakerKind kind) {
        return jdbc.sql("DELETE FROM circuit_breakers WHERE tenant_id = :t AND kind = :k")
                .param("t", tenantId).param("k", kind.name()).update() == 1;
    }

    /** Tenants with at least one enabled breaker: their evaluation is started when a worker starts. */
    public List<String> tenantsWithEnabledBreakers() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM circuit_breakers WHERE enabled ORDER BY tenant_id")
                .query(String.class).list();
    }

    /** Records a trip (in the caller's transaction) and returns it with its id. */
    public BreakerTrip insertTrip(BreakerTrip t) {
        long id = jdbc.sql("""
                        INSERT INTO circuit_breaker_trips (tenant_id, kind, scope, scope_id, action, measured, threshold,
                                                           window_seconds, samples, detail, tripped_at)
                        VALUES (:tenantId, :kind, :scope, :scopeId, :action, :measured, :threshold, :window, :samples,
                                :detail, :at)
                        RETURNING id""")
                .param("tenantId", t.tenantId())
                .param("kind", t.kind().name())
                .param("scope", t.scope())
                .param("scopeId", t.scopeId())
                .param("action", t.action())
                .param("measured", t.measured())
                .param("threshold", t.threshold())
                .param("window", t.windowSeconds(), java.sql.Types.INTEGER)
                .param("samples", t.samples())
                .param("detail", t.detail(), java.sql.Types.VARCHAR)
                .param("at", Timestamps.bind(t.trippedAt()))
                .query(Long.class).single();
        return new BreakerTrip(id, t.tenantId(), t.kind(), t.scope(), t.scopeId(), t.action(), t.measured(), t.threshold(),
                t.windowSeconds(), t.samples(), t.detail(), t.trippedAt());
    }

    public Optional<BreakerTrip> lastTrip(String tenantId, BreakerKind kind) {
        return jdbc.sql("SELECT " + TRIP_COLUMNS + " FROM circuit_breaker_trips WHERE tenant_id = :t AND kind = :k "
                        + "ORDER BY tripped_at DESC, id DESC LIMIT 1")
                .param("t", tenantId).param("k", kind.name())
                .query(CircuitBreakerRepository::trip).optional();
    }

    private static CircuitBreaker map(ResultSet rs, int n) throws SQLException {
        return new CircuitBreaker(rs.getString("tenant_id"), BreakerKind.valueOf(rs.getString("kind")),
                rs.getString("scope"), rs.getString("account_code"), rs.getBigDecimal("threshold"),
                rs.getObject("window_seconds", Integer.class), rs.getString("action"), rs.getBoolean("enabled"),
                rs.getString("created_by"), Timestamps.read(rs, "created_at"), rs.getString("updated_by"),
                Timestamps.read(rs, "updated_at"));
    }

    private static BreakerTrip trip(ResultSet rs, int n) throws SQLException {
        return new BreakerTrip(rs.getLong("id"), rs.getString("tenant_id"), BreakerKind.valueOf(rs.getString("kind")),
                rs.getString("scope"), rs.getString("scope_id"), rs.getString("action"), rs.getBigDecimal("measured"),
                rs.getBigDecimal("threshold"), rs.getObject("window_seconds", Integer.class), rs.getLong("samples"),
                rs.getString("detail"), Timestamps.read(rs, "tripped_at"));
    }
}
