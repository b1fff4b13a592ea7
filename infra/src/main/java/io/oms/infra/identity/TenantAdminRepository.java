package io.oms.infra.identity;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tenants as system administrators manage them. There is no hard delete: orders, executions and the audit chain
 * reference the tenant, so "deleting" one deactivates it (its API keys stop authenticating, its data stays).
 */
@Repository
public class TenantAdminRepository {
    private static final String COLUMNS = "id, name, created_at, deactivated_at";

    private final JdbcClient jdbc;

    public TenantAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} tenants in id order, after {@code afterId} (null = from the start). */
    public List<TenantRow> list(String afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE (CAST(:after AS text) IS NULL OR id > :after) "
                        + "ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(TenantAdminRepository::map)
                .list();
    }

    public Optional<TenantRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE id = :id")
                .param("id", id)
                .query(TenantAdminRepository::map)
                .optional();
    }

    /** Creates the tenant; false when the id is taken (by an active or a deactivated tenant). */
    public boolean create(String id, String name) {
        return jdbc.sql("INSERT INTO tenants (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
                .param("id", id)
                .param("name", name)
                .update() == 1;
    }

    /** Renames the tenant and sets whether it is active; empty when there is no such tenant. */
    public Optional<TenantRow> update(String id, String name, boolean active) {
        return jdbc.sql("""
                        UPDATE tenants SET name = :name,
                               deactivated_at = CASE WHEN :active THEN NULL ELSE coalesce(deactivated_at, now()) END
                        WHERE id = :id RETURNING""" + " " + COLUMNS)
                .param("name", name)
                .param("active", active)
                .param("id", id)
                .query(TenantAdminRepository::map)
                .optional();
    }

    /** Deactivates the tenant (idempotent); false when there is no such tenant. */
    public boolean deactivate(String id) {
        return jdbc.sql("UPDATE tenants SET deactivated_at = coalesce(deactivated_at, now()) WHERE id = :id")
                .param("id", id)
                .update() == 1;
    }

    private static TenantRow map(ResultSet rs, int rowNum) throws SQLException {
        return new TenantRow(rs.getString("id"), rs.getString("name"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "deactivated_at"));
    }
}
