package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox: {@link #append} joins the caller's transaction, so an event exists exactly when
 * the change it describes was committed.
 */
@Repository
public class OutboxRepository {
    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event in the current transaction and returns its event id. */
    public UUID append(String tenantId, String aggregateType, String aggregateId, String eventType, String payloadJson) {
        UUID eventId = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO outbox_events (event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload)
                        VALUES (:eventId, :tenantId, :aggregateType, :aggregateId, :eventType, CAST(:payload AS jsonb))""")
                .param("eventId", eventId)
                .param("tenantId", tenantId)
                .param("aggregateType", aggregateType)
                .param("aggregateId", aggregateId)
                .param("eventType", eventType)
                .param("payload", payloadJson, java.sql.Types.VARCHAR)
                .update();
        return eventId;
    }

    /** A tenant's events after {@code afterId}, oldest first. */
    public List<OutboxEvent> listAfter(String tenantId, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload::text AS payload,
                               created_at, published_at
                        FROM outbox_events WHERE tenant_id = :tenantId AND id > :afterId ORDER BY id LIMIT :limit""")
                .param("tenantId", tenantId)
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("tenant_id"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getString("event_type"), rs.getString("payload"), Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "published_at")))
                .list();
    }
}
