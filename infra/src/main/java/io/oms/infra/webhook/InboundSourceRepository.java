package io.oms.infra.webhook;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inbound webhook sources and the messages accepted from them. Every statement filters by tenant except
 * {@link #findForReceiver}: the public receiver knows only the source id, and the source's secret is what
 * authenticates the sender. Deleting a source is soft (its accepted messages keep referring to it).
 */
@Repository
public class InboundSourceRepository {
    /** Sources per tenant. */
    public static final int MAX_PER_TENANT = 50;
    private static final String COLUMNS = "id, tenant_id, name, secret_sealed, created_at";
    private static final String MESSAGE_COLUMNS = "source_id, webhook_id, tenant_id, signed_at, received_at, payload";

    private final JdbcClient jdbc;

    public InboundSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a source; false when the tenant already has a live source of that name. */
    public boolean insert(InboundSource s) {
        return jdbc.sql("""
                        INSERT INTO webhook_inbound_sources (id, tenant_id, name, secret_sealed, created_at)
                        VALUES (:id, :tenantId, :name, :secret, :createdAt)
                        ON CONFLICT (tenant_id, name) WHERE deleted_at IS NULL DO NOTHING""")
                .param("id", s.id()).param("tenantId", s.tenantId()).param("name", s.name())
                .param("secret", s.secretSealed()).param("createdAt", Timestamps.bind(s.createdAt()))
                .update() == 1;
    }

    /** The tenant's live sources; in a transaction, after serialising the tenant's creates (the quota check). */
    public int countLiveLocked(String tenantId) {
        WebhookEndpointRepository.lockTenant(jdbc, "webhook_inbound_sources:" + tenantId);
        return countLive(tenantId);
    }

    public int countLive(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM webhook_inbound_sources WHERE tenant_id = :tenantId AND deleted_at IS NULL")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    public Optional<InboundSource> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_inbound_sources WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
                .param("tenantId", tenantId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The live source of that id, whatever its tenant: for the public receiver only. */
    public Optional<InboundSource> findForReceiver(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_inbound_sources WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The tenant's live sources, oldest first (at most {@link #MAX_PER_TENANT}). */
    public List<InboundSource> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_inbound_sources WHERE tenant_id = :tenantId AND deleted_at IS NULL ORDER BY created_at, id")
                .param("tenantId", tenantId).query((rs, n) -> map(rs)).list();
    }

    /** Soft-deletes a live source; false when the tenant has none of that id. */
    public boolean delete(String tenantId, UUID id, Instant at) {
        return jdbc.sql("UPDATE webhook_inbound_sources SET deleted_at = :at WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
                .param("at", Timestamps.bind(at)).param("tenantId", tenantId).param("id", id).update() == 1;
    }

    /**
     * Records an accepted message in the caller's transaction; false when that source already accepted this
     * webhook id (the primary key decides, so of two concurrent replays only one is accepted).
     */
    public boolean accept(InboundMessage m) {
        return jdbc.sql("""
                        INSERT INTO webhook_inbound_messages (source_id, webhook_id, tenant_id, signed_at, received_at, payload)
                        VALUES (:sourceId, :webhookId, :tenantId, :signedAt, :receivedAt, :payload)
                        ON CONFLICT (source_id, webhook_id) DO NOTHING""")
                .param("sourceId", m.sourceId()).param("webhookId", m.webhookId()).param("tenantId", m.tenantId())
                .param("signedAt", Timestamps.bind(m.signedAt())).param("receivedAt", Timestamps.bind(m.receivedAt()))
                .param("payload", m.payload())
                .update() == 1;
    }

    /** Position of a message in the newest-first listing. */
    public record MessageKey(Instant receivedAt, String webhookId) {}

    /** A source's accepted messages by (received_at, webhook_id), after {@code after} when given. */
    public List<InboundMessage> messages(String tenantId, UUID sourceId, boolean ascending, Optional<MessageKey> after,
                                         int limit) {
        String direction = ascending ? "" : " DESC";
        String sql = "SELECT " + MESSAGE_COLUMNS + " FROM webhook_inbound_messages WHERE tenant_id = :tenantId AND source_id = :sourceId"
                + (after.isPresent() ? " AND (received_at, webhook_id) " + (ascending ? ">" : "<") + " (:afterAt, :afterId)" : "")
                + " ORDER BY received_at" + direction + ", webhook_id" + direction + " LIMIT :limit";
        var q = jdbc.sql(sql).param("tenantId", tenantId).param("sourceId", sourceId).param("limit", limit);
        if (after.isPresent()) {
            q = q.param("afterAt", Timestamps.bind(after.get().receivedAt())).param("afterId", after.get().webhookId());
        }
        return q.query((rs, n) -> message(rs)).list();
    }

    private static InboundSource map(ResultSet rs) throws SQLException {
        return new InboundSource(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("secret_sealed"), Timestamps.read(rs, "created_at"));
    }

    private static InboundMessage message(ResultSet rs) throws SQLException {
        return new InboundMessage(rs.getObject("source_id", UUID.class), rs.getString("webhook_id"),
                rs.getString("tenant_id"), Timestamps.read(rs, "signed_at"), Timestamps.read(rs, "received_at"),
                rs.getString("payload"));
    }
}
