package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private static final String COLUMNS =
            "id, event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload::text AS payload, created_at, published_at";

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one event in the current transaction and returns its event id. */
    public UUID append(String tenantId, String aggregateType, String aggregateId, String eventType, String payloadJson) {
        return append(UuidV7.next(), tenantId, aggregateType, aggregateId, eventType, payloadJson);
    }

    /**
     * Appends one domain event in the envelope every event shares:
     * {@code {"eventId", "type", "occurredAt", "tenantId", "<subjectKey>": subject}}, where the subject (the order,
     * the position, the snapshot) is a JSON document.
     */
    public UUID appendEvent(String tenantId, String aggregateType, String aggregateId, String eventType,
                            Instant occurredAt, String subjectKey, String subjectJson) {
        UUID eventId = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO outbox_events (event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload)
                        VALUES (:eventId, :tenantId, :aggregateType, :aggregateId, :eventType,
                                jsonb_build_object('eventId', CAST(:eventId AS text), 'type', CAST(:eventType AS text),
                                                   'occurredAt', CAST(:occurredAt AS text), 'tenantId', CAST(:tenantId AS text),
                                                   CAST(:subjectKey AS text), CAST(:subject AS jsonb)))""")
                .param("eventId", eventId)
                .param("tenantId", tenantId)
                .param("aggregateType", aggregateType)
                .param("aggregateId", aggregateId)
                .param("eventType", eventType)
                .param("occurredAt", occurredAt.toString())
                .param("subjectKey", subjectKey)
                .param("subject", subjectJson, java.sql.Types.VARCHAR)
                .update();
        return eventId;
    }

    private UUID append(UUID eventId, String tenantId, String aggregateType, String aggregateId, String eventType,
                        String payloadJson) {
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

    /** The oldest events not yet published, across tenants, in id order. */
    public List<OutboxEvent> unpublished(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    public void markPublished(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox_events SET published_at = :at WHERE id IN (:ids) AND published_at IS NULL")
                .param("at", Timestamps.bind(at))
                .param("ids", ids)
                .update();
    }

    /** Counts a failed delivery and keeps its error; the event stays unpublished and is offered again. */
    public void recordFailure(long id, String error) {
        jdbc.sql("UPDATE outbox_events SET publish_attempts = publish_attempts + 1, last_error = :error WHERE id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    /** A tenant's events after {@code afterId}, oldest first. */
    public List<OutboxEvent> listAfter(String tenantId, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_events WHERE tenant_id = :tenantId AND id > :afterId ORDER BY id LIMIT :limit")
                .param("tenantId", tenantId)
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static OutboxEvent map(ResultSet rs) throws SQLException {
        return new OutboxEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("tenant_id"),
                rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("event_type"),
                rs.getString("payload"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "published_at"));
    }
}
