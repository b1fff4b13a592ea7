package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code audit_log} (the database refuses UPDATE and DELETE). */
@Repository
public class AuditRepository {
    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entry; a replay of the same (tenant, resource, version, action) is ignored. True when written. */
    public boolean append(AuditRecord r) {
        return jdbc.sql("""
                        INSERT INTO audit_log (id, tenant_id, at, actor, action, resource_type, resource_id, resource_version,
                                               before, after, detail, ip, user_agent)
                        VALUES (:id, :tenantId, :at, :actor, :action, :resourceType, :resourceId, :resourceVersion,
                                CAST(:before AS jsonb), CAST(:after AS jsonb), :detail, :ip, :userAgent)
                        ON CONFLICT (tenant_id, resource_type, resource_id, resource_version, action) DO NOTHING""")
                .param("id", UuidV7.next())
                .param("tenantId", r.tenantId())
                .param("at", Timestamps.bind(r.at()))
                .param("actor", r.actor())
                .param("action", r.action())
                .param("resourceType", r.resourceType())
                .param("resourceId", r.resourceId())
                .param("resourceVersion", r.resourceVersion())
                .param("before", r.beforeJson(), java.sql.Types.VARCHAR)
                .param("after", r.afterJson(), java.sql.Types.VARCHAR)
                .param("detail", r.detail())
                .param("ip", r.ip())
                .param("userAgent", r.userAgent())
                .update() == 1;
    }

    /** The entries of one resource in the order they were written. */
    public List<AuditRecord> listByResource(String tenantId, String resourceType, String resourceId) {
        return jdbc.sql("""
                        SELECT tenant_id, at, actor, action, resource_type, resource_id, resource_version,
                               before::text AS before, after::text AS after, detail, ip, user_agent
                        FROM audit_log
                        WHERE tenant_id = :tenantId AND resource_type = :resourceType AND resource_id = :resourceId
                        ORDER BY at, id""")
                .param("tenantId", tenantId)
                .param("resourceType", resourceType)
                .param("resourceId", resourceId)
                .query((rs, n) -> new AuditRecord(
                        rs.getString("tenant_id"),
                        Timestamps.read(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        rs.getObject("resource_version", Long.class),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getString("detail"),
                        rs.getString("ip"),
                        rs.getString("user_agent")))
                .list();
    }
}
