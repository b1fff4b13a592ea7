package io.oms.infra.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Per-tenant protection settings: the IP allowlist (CIDR networks) and an optional rate-limit override. */
@Repository
public class TenantProtectionRepository {
    /** A tenant's own token bucket shape, replacing the configured default. */
    public record RateLimitOverride(int capacity, int refillPerSecond) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public TenantProtectionRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The tenant's allowlist as canonical CIDR text (e.g. {@code 10.0.0.0/8}), in address order; empty = any. */
    public List<String> allowlist(String tenantId) {
        return jdbc.sql("SELECT cidr::text AS entry FROM tenant_ip_allowlist WHERE tenant_id = :t ORDER BY cidr")
                .param("t", tenantId).query(String.class).list();
    }

    /** Replaces the tenant's whole allowlist in one transaction (empty = allow any address). */
    public void replaceAllowlist(String tenantId, List<String> cidrs) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM tenant_ip_allowlist WHERE tenant_id = :t").param("t", tenantId).update();
            for (String cidr : cidrs) {
                jdbc.sql("INSERT INTO tenant_ip_allowlist (tenant_id, cidr) VALUES (:t, CAST(:c AS cidr)) ON CONFLICT DO NOTHING")
                        .param("t", tenantId).param("c", cidr).update();
            }
        });
    }

    public Optional<RateLimitOverride> rateLimit(String tenantId) {
        return jdbc.sql("SELECT capacity, refill_per_second FROM tenant_rate_limits WHERE tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> new RateLimitOverride(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    /** Sets (or with null, removes) the tenant's override; for operators and tests, no endpoint offers it. */
    public void setRateLimit(String tenantId, RateLimitOverride override) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM tenant_rate_limits WHERE tenant_id = :t").param("t", tenantId).update();
            if (override != null) {
                jdbc.sql("INSERT INTO tenant_rate_limits (tenant_id, capacity, refill_per_second) VALUES (:t, :c, :r)")
                        .param("t", tenantId).param("c", override.capacity()).param("r", override.refillPerSecond())
                        .update();
            }
        });
    }
}
