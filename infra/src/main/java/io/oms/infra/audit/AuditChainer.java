package io.oms.infra.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links unchained audit rows into their tenant's hash chain (ADR 6): writers insert rows unchained so they never
 * wait for each other's commits, and this pass chains them shortly after, in the database (migration V8,
 * {@code audit_chain_tenant}) with the canonical form and hash the verifier recomputes. Each pass is one
 * transaction holding a PostgreSQL advisory lock, so across all processes one chainer works at a time; the
 * tenant's head row lock keeps even a chainer without that lock from giving a seq twice.
 */
public final class AuditChainer {
    /** The advisory lock key of the chainer ("oms-audc" in ASCII). */
    public static final long LOCK_KEY = 0x6f6d732d61756463L;

    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final int batchSize;

    public AuditChainer(TransactionTemplate tx, JdbcClient jdbc, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        this.tx = tx;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    /** One pass: links at most {@code batchSize} rows over all tenants, only while holding the chainer lock. */
    public ChainPass runOnce() {
        return tx.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return ChainPass.LOCKED_ELSEWHERE;
            }
            List<String> tenants = jdbc.sql("SELECT DISTINCT tenant_id FROM audit_log WHERE seq IS NULL ORDER BY tenant_id")
                    .query(String.class).list();
            int left = batchSize;
            for (String tenant : tenants) {
                if (left == 0) {
                    break;
                }
                left -= chainTenant(tenant, left);
            }
            int linked = batchSize - left;
            return new ChainPass(true, linked, left == 0);
        });
    }

    private int chainTenant(String tenantId, int max) {
        Integer n = jdbc.sql("SELECT audit_chain_tenant(:tenant, :max)")
                .param("tenant", tenantId).param("max", max).query(Integer.class).single();
        return n == null ? 0 : n;
    }
}
