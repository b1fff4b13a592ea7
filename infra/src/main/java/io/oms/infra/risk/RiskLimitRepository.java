package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's risk limits. Every statement filters by tenant, so another tenant's id finds nothing. */
@Repository
public class RiskLimitRepository {
    /** A tenant's limits are read whole by every risk check, so their number is bounded. */
    public static final int MAX_PER_TENANT = 1000;
    static final String COLUMNS = "id, tenant_id, scope, scope_value, limit_type, value, period_seconds, created_by, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    public RiskLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RiskLimit limit) {
        jdbc.sql("""
                        INSERT INTO risk_limits (id, tenant_id, scope, scope_value, limit_type, value, period_seconds,
                                                 created_by, created_at, updated_at)
                        VALUES (:id, :tenantId, :scope, :scopeValue, :type, :value, :period, :createdBy, :createdAt, :updatedAt)""")
                .param("id", limit.id())
                .param("tenantId", limit.tenantId())
                .param("scope", limit.scope().name())
                .param("scopeValue", limit.scopeValue(), java.sql.Types.VARCHAR)
                .param("type", limit.type().name())
                .param("value", limit.value())
                .param("period", limit.periodSeconds(), java.sql.Types.INTEGER)
                .param("createdBy", limit.createdBy())
                .param("createdAt", Timestamps.bind(limit.createdAt()))
                .param("updatedAt", Timestamps.bind(limit.updatedAt()))
                .update();
    }

    /** Replaces scope, type, value and period; false when the tenant has no such limit. */
    public boolean update(RiskLimit limit) {
        return jdbc.sql("""
                        UPDATE risk_limits SET scope = :scope, scope_value = :scopeValue, limit_type = :type, value = :value,
                               period_seconds = :period, updated_at = :updatedAt
                        WHERE tenant_id = :tenantId AND id = :id""")
                .param("id", limit.id())
                .param("tenantId", limit.tenantId())
                .param("scope", limit.scope().name())
                .param("scopeValue", limit.scopeValue(), java.sql.Types.VARCHAR)
                .param("type", limit.type().name())
                .param("value", limit.value())
                .param("period", limit.periodSeconds(), java.sql.Types.INTEGER)
                .param("updatedAt", Timestamps.bind(limit.updatedAt()))
                .update() == 1;
    }

    public boolean delete(String tenantId, UUID id) {
        return jdbc.sql("DELETE FROM risk_limits WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id).update() == 1;
    }

    public Optional<RiskLimit> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_limits WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query(RiskLimitRepository::map).optional();
    }

    /** In a fixed order (type, scope, scope value, id), so every evaluation sees them the same way. */
    public List<RiskLimit> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_limits WHERE tenant_id = :tenantId "
                        + "ORDER BY limit_type, scope, scope_value NULLS FIRST, id LIMIT " + MAX_PER_TENANT)
                .param("tenantId", tenantId)
                .query(RiskLimitRepository::map).list();
    }

    public int count(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM risk_limits WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    static RiskLimit map(ResultSet rs, int row) throws SQLException {
        return new RiskLimit(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                LimitScope.valueOf(rs.getString("scope")), rs.getString("scope_value"),
                LimitType.valueOf(rs.getString("limit_type")), rs.getBigDecimal("value"),
                (Integer) rs.getObject("period_seconds"), rs.getString("created_by"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
