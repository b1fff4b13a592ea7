package io.oms.infra.security;

import io.oms.infra.persistence.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of API keys (hashes only). {@link ApiKeys} is the service to use. */
@Repository
public class ApiKeyRepository {
    private static final String COLUMNS = "id, tenant_id, name, prefix, key_hash, scopes, created_at, expires_at, revoked_at";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKeyRow key) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes, created_at, expires_at)
                        VALUES (:id, :tenantId, :name, :prefix, :hash, :scopes, :createdAt, :expiresAt)""")
                .param("id", key.id())
                .param("tenantId", key.tenantId())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", key.keyHash())
                .param("scopes", key.scopes().toArray(String[]::new))
                .param("createdAt", Timestamps.bind(key.createdAt()))
                .param("expiresAt", Timestamps.bind(key.expiresAt()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    public Optional<ApiKeyRow> findByPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
                .param("prefix", prefix)
                .query(ApiKeyRepository::map)
                .optional();
    }

    public List<ApiKeyRow> listByTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = :tenantId ORDER BY id")
                .param("tenantId", tenantId)
                .query(ApiKeyRepository::map)
                .list();
    }

    /** Revokes the tenant's key; true when it was active. */
    public boolean revoke(String tenantId, UUID keyId) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL")
                .param("tenantId", tenantId)
                .param("id", keyId)
                .update() == 1;
    }

    private static ApiKeyRow map(ResultSet rs, int rowNum) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new ApiKeyRow(
                rs.getObject("id", UUID.class),
                rs.getString("tenant_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getString("key_hash"),
                List.of((String[]) scopes.getArray()),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "revoked_at"));
    }
}
