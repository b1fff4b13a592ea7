package io.oms.infra.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys per tenant: claimed by the first request that uses one, answered once it completes, and
 * forgotten when they expire (an expired key may be claimed again). Every query is scoped to the tenant.
 */
@Repository
public class IdempotencyRepository {
    /** A live key: the hash of the request that claimed it, and its answer once there is one (status 0 = pending). */
    public record IdempotencyRecord(String requestHash, int status, String response) {
        public boolean answered() { return status != 0; }
    }

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IdempotencyRecord> find(String tenantId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, coalesce(status, 0) AS status, response FROM idempotency_keys
                        WHERE tenant_id = :tenant AND idem_key = :key AND expires_at > now()""")
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> new IdempotencyRecord(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("response")))
                .optional();
    }

    /** Claims the key for this request; false when a live claim exists (an expired one is taken over). */
    public boolean claim(String tenantId, String key, String requestHash, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, expires_at)
                        VALUES (:tenant, :key, :hash, :expires)
                        ON CONFLICT (tenant_id, idem_key) DO UPDATE
                            SET request_hash = excluded.request_hash, status = NULL, response = NULL,
                                created_at = now(), expires_at = excluded.expires_at
                            WHERE idempotency_keys.expires_at <= now()""")
                .param("tenant", tenantId)
                .param("key", key)
                .param("hash", requestHash)
                .param("expires", Timestamp.from(expiresAt))
                .update() == 1;
    }

    public void answer(String tenantId, String key, int status, String response) {
        jdbc.sql("UPDATE idempotency_keys SET status = :status, response = :response WHERE tenant_id = :tenant AND idem_key = :key")
                .param("status", status)
                .param("response", response)
                .param("tenant", tenantId)
                .param("key", key)
                .update();
    }

    /** Gives up a claim whose request changed nothing (refused input, a failure before anything was created). */
    public void release(String tenantId, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE tenant_id = :tenant AND idem_key = :key AND status IS NULL")
                .param("tenant", tenantId)
                .param("key", key)
                .update();
    }

    /** Deletes expired keys; returns how many. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at <= now()").update();
    }
}
