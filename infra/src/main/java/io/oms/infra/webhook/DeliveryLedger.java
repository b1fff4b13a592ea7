package io.oms.infra.webhook;

import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery workflow's state transitions on webhook_deliveries, webhook_attempts and webhook_dead_letters:
 * PENDING -> DELIVERING (an attempt is under way) -> PENDING (waiting for the next one) | DELIVERED | DEAD. Every
 * statement filters by tenant. Creating deliveries and dispatching their workflows is the fan-out's business, not
 * this class's.
 */
@Repository
public class DeliveryLedger {
    public static final String PENDING = "PENDING";
    public static final String DELIVERING = "DELIVERING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    private final JdbcClient jdbc;

    public DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The delivery with its event's payload, empty for an unknown id (or another tenant's). */
    public Optional<DeliveryTarget> target(String tenantId, UUID deliveryId) {
        return jdbc.sql("""
                        SELECT d.id, d.tenant_id, d.endpoint_id, d.event_id, d.event_type, d.state,
                               e.payload::text AS payload, e.created_at
                        FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.outbox_id AND e.tenant_id = d.tenant_id
                        WHERE d.tenant_id = :tenantId AND d.id = :id""")
                .param("tenantId", tenantId).param("id", deliveryId)
                .query((rs, n) -> new DeliveryTarget(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                        rs.getObject("endpoint_id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("state"), rs.getString("payload"),
                        Timestamps.read(rs, "created_at")))
                .optional();
    }

    /** An attempt is under way; {@code attempts} becomes at least its number. */
    public void markDelivering(String tenantId, UUID deliveryId, int attempt, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET state = 'DELIVERING', attempts = GREATEST(attempts, :attempt),
                               next_attempt_at = NULL, updated_at = :now
                        WHERE tenant_id = :tenantId AND id = :id AND state IN ('PENDING', 'DELIVERING')""")
                .param("tenantId", tenantId).param("id", deliveryId).param("attempt", attempt)
                .param("now", Timestamps.bind(now))
                .update();
    }

    /**
     * Records the attempt (a retried activity overwrites the row of the same number) and the delivery's last status;
     * {@code nextAttemptAt} non-null puts it back to PENDING until then. Settled deliveries are left as they are.
     */
    public void recordAttempt(AttemptRecord a, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, started_at, latency_ms, status_code,
                                                      outcome, error, response_excerpt)
                        VALUES (:id, :attempt, :tenantId, :startedAt, :latency, :status, :outcome, :error, :excerpt)
                        ON CONFLICT (delivery_id, attempt) DO UPDATE SET started_at = EXCLUDED.started_at,
                            latency_ms = EXCLUDED.latency_ms, status_code = EXCLUDED.status_code, outcome = EXCLUDED.outcome,
                            error = EXCLUDED.error, response_excerpt = EXCLUDED.response_excerpt""")
                .param("id", a.deliveryId()).param("attempt", a.attempt()).param("tenantId", a.tenantId())
                .param("startedAt", Timestamps.bind(a.startedAt()))
                .param("latency", a.latencyMs(), java.sql.Types.INTEGER)
                .param("status", a.statusCode(), java.sql.Types.INTEGER)
                .param("outcome", a.outcome())
                .param("error", a.error(), java.sql.Types.VARCHAR)
                .param("excerpt", a.responseExcerpt(), java.sql.Types.VARCHAR)
                .update();
        jdbc.sql("""
                        UPDATE webhook_deliveries SET attempts = GREATEST(attempts, :attempt), last_status_code = :status,
                               last_error = :error, updated_at = :now,
                               state = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN state ELSE 'PENDING' END,
                               next_attempt_at = :next
                        WHERE tenant_id = :tenantId AND id = :id AND state IN ('PENDING', 'DELIVERING')""")
                .param("tenantId", a.tenantId()).param("id", a.deliveryId()).param("attempt", a.attempt())
                .param("status", a.statusCode(), java.sql.Types.INTEGER)
                .param("error", a.error(), java.sql.Types.VARCHAR)
                .param("next", Timestamps.bind(nextAttemptAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Timestamps.bind(now))
                .update();
    }

    /** DELIVERED; false when the delivery is unknown or was settled already. */
    public boolean markDelivered(String tenantId, UUID deliveryId, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET state = 'DELIVERED', delivered_at = :now, next_attempt_at = NULL,
                               last_error = NULL, updated_at = :now
                        WHERE tenant_id = :tenantId AND id = :id AND state IN ('PENDING', 'DELIVERING')""")
                .param("tenantId", tenantId).param("id", deliveryId).param("now", Timestamps.bind(now))
                .update() == 1;
    }

    /**
     * DEAD, and its dead letter written (or written anew after a redelivery: redelivered_at back to null). Returns
     * the dead letter, empty when the delivery is unknown or was settled already (a retried settle).
     */
    public Optional<DeadLetter> markDead(String tenantId, UUID deliveryId, String reason, Instant now) {
        Optional<DeadLetter> dead = jdbc.sql("""
                        UPDATE webhook_deliveries SET state = 'DEAD', next_attempt_at = NULL, last_error = :reason, updated_at = :now
                        WHERE tenant_id = :tenantId AND id = :id AND state IN ('PENDING', 'DELIVERING')
                        RETURNING id, endpoint_id, event_type, attempts, last_status_code""")
                .param("tenantId", tenantId).param("id", deliveryId).param("reason", reason)
                .param("now", Timestamps.bind(now))
                .query((rs, n) -> new DeadLetter(rs.getObject("id", UUID.class), tenantId,
                        rs.getObject("endpoint_id", UUID.class), rs.getString("event_type"), reason, rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status_code"), now))
                .optional();
        dead.ifPresent(d -> jdbc.sql("""
                        INSERT INTO webhook_dead_letters (delivery_id, tenant_id, endpoint_id, event_type, reason, attempts,
                                                          last_status_code, dead_at, redelivered_at)
                        VALUES (:id, :tenantId, :endpointId, :eventType, :reason, :attempts, :status, :deadAt, NULL)
                        ON CONFLICT (delivery_id) DO UPDATE SET reason = EXCLUDED.reason, attempts = EXCLUDED.attempts,
                            last_status_code = EXCLUDED.last_status_code, dead_at = EXCLUDED.dead_at, redelivered_at = NULL""")
                .param("id", d.deliveryId()).param("tenantId", tenantId).param("endpointId", d.endpointId())
                .param("eventType", d.eventType()).param("reason", reason).param("attempts", d.attempts())
                .param("status", d.lastStatusCode(), java.sql.Types.INTEGER)
                .param("deadAt", Timestamps.bind(now))
                .update());
        return dead;
    }

    /** A dead-lettered delivery as written. */
    public record DeadLetter(UUID deliveryId, String tenantId, UUID endpointId, String eventType, String reason,
                             int attempts, Integer lastStatusCode, Instant deadAt) {}

    /** The deliveries waiting behind this one (its successors in the endpoint's ordering lane). */
    public List<UUID> successors(String tenantId, UUID deliveryId) {
        return jdbc.sql("SELECT id FROM webhook_deliveries WHERE tenant_id = :tenantId AND predecessor_id = :id ORDER BY outbox_id")
                .param("tenantId", tenantId).param("id", deliveryId)
                .query(UUID.class).list();
    }

    /** True when the delivery is DELIVERED or DEAD, or unknown (nothing to wait for). */
    public boolean settled(String tenantId, UUID deliveryId) {
        return jdbc.sql("SELECT state FROM webhook_deliveries WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", deliveryId)
                .query(String.class).optional()
                .map(s -> DELIVERED.equals(s) || DEAD.equals(s)).orElse(true);
    }
}
