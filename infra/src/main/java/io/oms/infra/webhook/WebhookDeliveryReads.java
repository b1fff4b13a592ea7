package io.oms.infra.webhook;

import io.oms.infra.persistence.SqlFilter;
import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's reads of outbound deliveries: an endpoint's deliveries (keyset-paged by id, which is UUIDv7, so id order
 * is creation order), one delivery with its event payload, its attempts, and the dead letters. Every query is scoped
 * to one tenant; the writes are the delivery engine's (and the API's redelivery, {@link WebhookRedeliveries}).
 */
@Repository
public class WebhookDeliveryReads {
    /** Hard cap whatever the caller asks: the API's configured maximum is far below it. */
    private static final int MAX_ROWS = 1001;
    private static final String DELIVERY_COLUMNS = """
            id, endpoint_id, event_id, event_type, ordering_key, predecessor_id, state, attempts, last_status_code,
            last_error, next_attempt_at, created_at, updated_at, delivered_at""";
    private static final String DEAD_LETTER_COLUMNS = """
            delivery_id, endpoint_id, event_type, reason, attempts, last_status_code, dead_at, redelivered_at,
            (SELECT d.event_id FROM webhook_deliveries d WHERE d.id = delivery_id) AS event_id""";

    private final JdbcClient jdbc;

    public WebhookDeliveryReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery of an event to an endpoint, as the engine keeps it. */
    public record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, String orderingKey,
                           UUID predecessorId, String state, int attempts, Integer lastStatusCode, String lastError,
                           Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Instant deliveredAt) {}

    /** One HTTP attempt of a delivery. */
    public record Attempt(int attempt, Instant startedAt, Integer latencyMs, Integer statusCode, String outcome,
                          String error, String responseExcerpt) {}

    /** A delivery that ran out of attempts or met a permanent refusal; {@code redeliveredAt} null while current. */
    public record DeadLetter(UUID deliveryId, UUID endpointId, UUID eventId, String eventType, String reason,
                             int attempts, Integer lastStatusCode, Instant deadAt, Instant redeliveredAt) {}

    public record DeliveryFilter(Optional<String> state, Optional<String> eventType) {}

    /** A dead letter's position in time order; the delivery id breaks ties. */
    public record DeadKey(Instant deadAt, UUID deliveryId) {}

    public List<Delivery> deliveries(String tenantId, UUID endpointId, DeliveryFilter f, boolean ascending,
                                     Optional<UUID> afterId, int limit) {
        SqlFilter q = new SqlFilter("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries", tenantId)
                .where("endpoint_id = :endpointId", "endpointId", Optional.of(endpointId))
                .where("state = :state", "state", f.state())
                .where("event_type = :eventType", "eventType", f.eventType())
                .after("id", ascending, afterId.map(id -> Map.of("kId", id)))
                .orderBy("id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> delivery(rs)).list();
    }

    public Optional<Delivery> delivery(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> delivery(rs)).optional();
    }

    /** The delivered event's JSON (the webhook body, byte for byte as the outbox holds it); empty when none. */
    public Optional<String> payload(String tenantId, UUID deliveryId) {
        return jdbc.sql("""
                        SELECT o.payload::text FROM webhook_deliveries d JOIN outbox_events o ON o.id = d.outbox_id
                        WHERE d.tenant_id = :tenantId AND d.id = :id AND o.tenant_id = :tenantId""")
                .param("tenantId", tenantId).param("id", deliveryId)
                .query(String.class).optional();
    }

    /** Every attempt of the delivery, first first. */
    public List<Attempt> attempts(String tenantId, UUID deliveryId) {
        return jdbc.sql("""
                        SELECT attempt, started_at, latency_ms, status_code, outcome, error, response_excerpt
                        FROM webhook_attempts WHERE tenant_id = :tenantId AND delivery_id = :id ORDER BY attempt""")
                .param("tenantId", tenantId).param("id", deliveryId)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), Timestamps.read(rs, "started_at"),
                        rs.getObject("latency_ms", Integer.class), rs.getObject("status_code", Integer.class),
                        rs.getString("outcome"), rs.getString("error"), rs.getString("response_excerpt")))
                .list();
    }

    /** Dead letters, current ones only unless {@code includeRedelivered}. */
    public List<DeadLetter> deadLetters(String tenantId, Optional<UUID> endpointId, boolean includeRedelivered,
                                        boolean ascending, Optional<DeadKey> after, int limit) {
        // The current letters as a literal condition, so the planner can use the partial index on them.
        String from = includeRedelivered ? "webhook_dead_letters"
                : "(SELECT * FROM webhook_dead_letters WHERE redelivered_at IS NULL) current_letters";
        SqlFilter q = new SqlFilter("SELECT " + DEAD_LETTER_COLUMNS + " FROM " + from, tenantId)
                .where("endpoint_id = :endpointId", "endpointId", endpointId)
                .after("dead_at, delivery_id", ascending, after.map(WebhookDeliveryReads::key))
                .orderBy("dead_at, delivery_id", ascending, cap(limit));
        return jdbc.sql(q.sql()).params(q.params())
                .query((rs, n) -> new DeadLetter(rs.getObject("delivery_id", UUID.class),
                        rs.getObject("endpoint_id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("reason"), rs.getInt("attempts"),
                        rs.getObject("last_status_code", Integer.class), Timestamps.read(rs, "dead_at"),
                        Timestamps.read(rs, "redelivered_at")))
                .list();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("ordering_key"),
                rs.getObject("predecessor_id", UUID.class), rs.getString("state"), rs.getInt("attempts"),
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                Timestamps.read(rs, "next_attempt_at"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"), Timestamps.read(rs, "delivered_at"));
    }

    private static Map<String, Object> key(DeadKey key) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kAt", Timestamps.bind(key.deadAt()));
        values.put("kId", key.deliveryId());
        return values;
    }

    private static int cap(int limit) {
        return Math.max(1, Math.min(limit, MAX_ROWS));
    }
}
