package io.oms.server.e2e;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook delivery rows written straight into the tables, as the delivery engine would write them, for tests of the
 * API's reads and redelivery (which need no engine). Events are written already published, so no relay picks them
 * up, and deliveries already dispatched, so no dispatcher starts them.
 */
record WebhookRows(JdbcClient jdbc) {

    /** A published outbox event of an order; returns its event id and outbox id. */
    Event event(String tenant, String type, String orderId) {
        UUID eventId = UUID.randomUUID();
        String payload = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-01-05T14:30:00Z\","
                + "\"tenantId\":\"" + tenant + "\",\"order\":{\"id\":\"" + orderId + "\",\"state\":\"FILLED\"}}";
        long outboxId = jdbc.sql("""
                        INSERT INTO outbox_events (event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload,
                            published_at)
                        VALUES (:eventId, :tenant, 'order', :orderId, :type, CAST(:payload AS jsonb), now()) RETURNING id""")
                .param("eventId", eventId).param("tenant", tenant).param("orderId", orderId).param("type", type)
                .param("payload", payload)
                .query(Long.class).single();
        return new Event(eventId, outboxId, type, orderId);
    }

    record Event(UUID eventId, long outboxId, String type, String orderId) {}

    UUID delivery(String tenant, UUID endpointId, Event event, String state, int attempts, Integer lastStatus) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, outbox_id, event_type,
                            ordering_key, state, attempts, last_status_code, dispatched_at, delivered_at)
                        VALUES (:id, :tenant, :endpoint, :eventId, :outboxId, :type, :key, :state, :attempts, :status,
                            now(), CASE WHEN :state = 'DELIVERED' THEN now() END)""")
                .param("id", id).param("tenant", tenant).param("endpoint", endpointId).param("eventId", event.eventId())
                .param("outboxId", event.outboxId()).param("type", event.type()).param("key", "order/" + event.orderId())
                .param("state", state).param("attempts", attempts).param("status", lastStatus, java.sql.Types.INTEGER)
                .update();
        return id;
    }

    void attempt(String tenant, UUID deliveryId, int attempt, Integer status, String outcome, String error,
                 String excerpt, Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, started_at, latency_ms, status_code,
                            outcome, error, response_excerpt)
                        VALUES (:id, :attempt, :tenant, :startedAt, :latency, :status, :outcome, :error, :excerpt)""")
                .param("id", deliveryId).param("attempt", attempt).param("tenant", tenant)
                .param("startedAt", Timestamps.bind(startedAt)).param("latency", 40 + attempt)
                .param("status", status, java.sql.Types.INTEGER).param("outcome", outcome)
                .param("error", error, java.sql.Types.VARCHAR).param("excerpt", excerpt, java.sql.Types.VARCHAR)
                .update();
    }

    void deadLetter(String tenant, UUID deliveryId, UUID endpointId, String type, int attempts, Instant deadAt,
                    Instant redeliveredAt) {
        jdbc.sql("""
                        INSERT INTO webhook_dead_letters (delivery_id, tenant_id, endpoint_id, event_type, reason, attempts,
                            last_status_code, dead_at, redelivered_at)
                        VALUES (:id, :tenant, :endpoint, :type, 'receiver answered 500 to the last attempt', :attempts, 500,
                            :deadAt, :redeliveredAt)""")
                .param("id", deliveryId).param("tenant", tenant).param("endpoint", endpointId).param("type", type)
                .param("attempts", attempts).param("deadAt", Timestamps.bind(deadAt))
                .param("redeliveredAt", redeliveredAt == null ? null : Timestamps.bind(redeliveredAt),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    String state(UUID deliveryId) {
        return jdbc.sql("SELECT state FROM webhook_deliveries WHERE id = :id").param("id", deliveryId)
                .query(String.class).single();
    }
}
