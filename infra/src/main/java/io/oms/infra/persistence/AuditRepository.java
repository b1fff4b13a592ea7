package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only {@code audit_log} (the database refuses UPDATE and DELETE, except the chainer linking a row
 * once). Rows are inserted unchained; {@link io.oms.infra.audit.AuditChainer} gives each its tenant's sequence
 * number, the previous hash and its own hash shortly after (migration V8, ADR 6), so appends never wait for each
 * other.
 */
@Repository
public class AuditRepository {
    static final String COLUMNS = """
            id, seq, prev_hash, hash, tenant_id, at, actor, action, resource_type, resource_id, resource_version,
            before::text AS before, after::text AS after, detail, ip, user_agent""";

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the entry; a replay of the same (tenant, resource, version, action) is ignored. Outside a transaction
     * it is written at once and the answer says whether it was new. Inside one it is written just before the
     * commit, after the transaction's other work, and the answer is true (a replay holds the idempotency key's
     * row lock only for the shortest time).
     */
    public boolean append(AuditRecord r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingInThisTransaction().add(r);
            return true;
        }
        return insert(r);
    }

    private List<AuditRecord> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<AuditRecord> pending = (List<AuditRecord>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<AuditRecord> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.forEach(AuditRepository.this::insert);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditRepository.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private boolean insert(AuditRecord r) {
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
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM audit_log
                        WHERE tenant_id = :tenantId AND resource_type = :resourceType AND resource_id = :resourceId
                        ORDER BY seq NULLS LAST, id""")
                .param("tenantId", tenantId)
                .param("resourceType", resourceType)
                .param("resourceId", resourceId)
                .query((rs, n) -> record(rs))
                .list();
    }

    /**
     * A tenant's entries newest written first (by UUIDv7 id, so unchained entries are listed too), optionally of
     * one resource type (and id); {@code beforeId} is the cursor (entries strictly below it), {@code limit} is
     * clamped to 1..1000.
     */
    public List<AuditEntry> list(String tenantId, Optional<String> resourceType, Optional<String> resourceId,
                                 Optional<UUID> beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE tenant_id = :tenantId");
        resourceType.ifPresent(t -> sql.append(" AND resource_type = :resourceType"));
        resourceId.ifPresent(i -> sql.append(" AND resource_id = :resourceId"));
        beforeId.ifPresent(b -> sql.append(" AND id < :beforeId"));
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("tenantId", tenantId).param("limit", Math.max(1, Math.min(limit, 1000)));
        if (resourceType.isPresent()) {
            spec = spec.param("resourceType", resourceType.get());
        }
        if (resourceId.isPresent()) {
            spec = spec.param("resourceId", resourceId.get());
        }
        if (beforeId.isPresent()) {
            spec = spec.param("beforeId", beforeId.get());
        }
        return spec.query((rs, n) -> entry(rs)).list();
    }

    /** One page of a tenant's chain in chain order: the links after {@code afterSeq} up to {@code uptoSeq}. */
    public List<AuditEntry> chainPage(String tenantId, long afterSeq, long uptoSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM audit_log
                        WHERE tenant_id = :tenantId AND seq > :afterSeq AND seq <= :uptoSeq
                        ORDER BY seq LIMIT :limit""")
                .param("tenantId", tenantId)
                .param("afterSeq", afterSeq)
                .param("uptoSeq", uptoSeq)
                .param("limit", limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** How many of the tenant's rows the chainer has not linked yet. */
    public long pending(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :tenantId AND seq IS NULL")
                .param("tenantId", tenantId).query(Long.class).single();
    }

    /** The tenant's newest link; empty when the tenant has never been audited. */
    public Optional<AuditChainHead> head(String tenantId) {
        return jdbc.sql("SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId)
                .query((rs, n) -> new AuditChainHead(rs.getLong("seq"), rs.getString("hash")))
                .optional();
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getObject("seq", Long.class), rs.getString("prev_hash"),
                rs.getString("hash"), record(rs));
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(
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
                rs.getString("user_agent"));
    }
}
