package io.oms.infra.security;

import io.oms.infra.persistence.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of API keys (hashes only). {@link ApiKeys} is the service to use. Every tenant's query filters by it. */
@Repository
public class ApiKeyRepository {
    private static final String COLUMNS = "k.id, k.tenant_id, k.name, k.prefix, k.key_hash, k.scopes, k.created_at, "
            + "k.expires_at, k.revoked_at, k.owner_user_id, k.last_used_at";

    /** Lists are bounded; a tenant with more keys than this has a problem a page would not solve. */
    public static final int MAX_LIST = 1000;

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKeyRow key) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes, created_at, expires_at,
                                              owner_user_id)
                        VALUES (:id, :tenantId, :name, :prefix, :hash, :scopes, :createdAt, :expiresAt, :owner)""")
                .param("id", key.id())
                .param("tenantId", key.tenantId())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", key.keyHash())
                .param("scopes", key.scopes().toArray(String[]::new))
                .param("createdAt", Timestamps.bind(key.createdAt()))
                .param("expiresAt", Timestamps.bind(key.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("owner", key.ownerUserId(), Types.OTHER)
                .update();
    }

    public Optional<ApiKeyRow> findByPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.prefix = :prefix")
                .param("prefix", prefix)
                .query(ApiKeyRepository::map)
                .optional();
    }

    /** The key of this prefix with its tenant's and owner's standing, in one read (authentication's hot path). */
    public Optional<KeyLookup> lookup(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , t.deactivated_at IS NULL AS tenant_active,
                          CASE WHEN u.disabled_at IS NULL THEN m.role END AS owner_role,
                          coalesce(u.system_admin AND u.disabled_at IS NULL, false) AS owner_system_admin
                        FROM api_keys k
                        JOIN tenants t ON t.id = k.tenant_id
                        LEFT JOIN users u ON u.id = k.owner_user_id
                        LEFT JOIN memberships m ON m.tenant_id = k.tenant_id AND m.user_id = k.owner_user_id
                        WHERE k.prefix = :prefix""")
                .param("prefix", prefix)
                .query((rs, n) -> new KeyLookup(map(rs, n), rs.getBoolean("tenant_active"), rs.getString("owner_role"),
                        rs.getBoolean("owner_system_admin")))
                .optional();
    }

    public Optional<ApiKeyRow> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.tenant_id = :tenantId AND k.id = :id")
                .param("tenantId", tenantId)
                .param("id", id)
                .query(ApiKeyRepository::map)
                .optional();
    }

    public List<ApiKeyRow> listByTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.tenant_id = :tenantId ORDER BY k.id LIMIT "
                        + MAX_LIST)
                .param("tenantId", tenantId)
                .query(ApiKeyRepository::map)
                .list();
    }

    /** The tenant's keys owned by this user. */
    public List<ApiKeyRow> listByOwner(String tenantId, UUID ownerUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys k WHERE k.tenant_id = :tenantId AND k.owner_user_id = :owner"
                        + " ORDER BY k.id LIMIT " + MAX_LIST)
                .param("tenantId", tenantId)
                .param("owner", ownerUserId)
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

    /**
     * Gives a key a new prefix and hash (its id, name, scopes, owner and expiry stay): the old secret's prefix is gone,
     * so it no longer authenticates. Only an unrevoked key; true when it was rotated.
     */
    public boolean replaceSecret(String tenantId, UUID keyId, String prefix, String keyHash) {
        return jdbc.sql("""
                        UPDATE api_keys SET prefix = :prefix, key_hash = :hash, last_used_at = NULL
                        WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL""")
                .param("prefix", prefix)
                .param("hash", keyHash)
                .param("tenantId", tenantId)
                .param("id", keyId)
                .update() == 1;
    }

    /** Marks the key used now unless it was marked within the last minute: at most one write a minute per key. */
    public void touch(UUID keyId) {
        jdbc.sql("""
                        UPDATE api_keys SET last_used_at = now()
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param("id", keyId)
                .update();
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
                Timestamps.read(rs, "revoked_at"),
                rs.getObject("owner_user_id", UUID.class),
                Timestamps.read(rs, "last_used_at"));
    }
}
