package io.oms.infra.webhook;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Creating webhook deliveries and tracking whether their workflows were started: the fan-out's side of
 * webhook_deliveries (the delivery workflow's activities own state, attempts and dead letters).
 */
@Repository
public class WebhookDeliveryRepository {
    /**
     * One statement per event, so the relay's thread is not held up: the subscribed active endpoints, each with
     * its predecessor (the latest earlier delivery to the same endpoint with the same ordering key, found on
     * webhook_deliveries_lane_idx), inserted unless already there. Ids: one UUIDv7 made in Java per event whose
     * low 16 bits are replaced by the endpoint's rank, so one event's deliveries get distinct, adjacent ids
     * without knowing beforehand how many endpoints subscribe.
     */
    private static final String CREATE = """
            WITH targets AS (
                SELECT e.id AS endpoint_id, row_number() OVER (ORDER BY e.id) AS rank
                FROM webhook_endpoints e
                WHERE e.tenant_id = :tenantId AND e.deleted_at IS NULL AND e.active
                  AND (:type = ANY (e.event_types) OR '*' = ANY (e.event_types)))
            INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, outbox_id, event_type, ordering_key,
                                            predecessor_id)
            SELECT CAST(lpad(to_hex(CAST(:idHigh AS bigint)), 16, '0')
                        || lpad(to_hex(CAST(:idLow AS bigint) + t.rank), 16, '0') AS uuid),
                   :tenantId, t.endpoint_id, :eventId, :outboxId, :type, :orderingKey,
                   (SELECT p.id FROM webhook_deliveries p
                    WHERE p.endpoint_id = t.endpoint_id AND p.ordering_key = :orderingKey AND p.outbox_id < :outboxId
                    ORDER BY p.outbox_id DESC LIMIT 1)
            FROM targets t
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            RETURNING id, tenant_id, predecessor_id""";

    private final JdbcClient jdbc;

    public WebhookDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery whose workflow is still to be started. */
    public record Undispatched(UUID id, String tenantId, UUID predecessorId) {}

    /**
     * Creates the deliveries of one published event for the tenant's subscribed active endpoints and returns the
     * ones created now: none for an event offered before (idempotent). The caller passes only event types endpoints
     * may receive (DomainEvents.WEBHOOK_DELIVERABLE: an endpoint subscribed to {@code *} must not get
     * webhook.received).
     */
    public List<Undispatched> createFor(OutboxEvent event) {
        UUID base = UuidV7.next();
        return jdbc.sql(CREATE)
                .param("tenantId", event.tenantId())
                .param("type", event.eventType())
                .param("eventId", event.eventId())
                .param("outboxId", event.id())
                .param("orderingKey", orderingKey(event))
                .param("idHigh", base.getMostSignificantBits())
                .param("idLow", base.getLeastSignificantBits() & ~0xFFFFL)
                .query((rs, n) -> new Undispatched(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                        rs.getObject("predecessor_id", UUID.class)))
                .list();
    }

    /** One order's (one aggregate's) events go out to an endpoint in outbox order. */
    public static String orderingKey(OutboxEvent event) {
        return event.aggregateType() + "/" + event.aggregateId();
    }

    /** Deliveries created before {@code olderThan} whose workflow was never started, oldest first. */
    public List<Undispatched> undispatched(Instant olderThan, int limit) {
        return jdbc.sql("SELECT id, tenant_id, predecessor_id FROM webhook_deliveries "
                        + "WHERE dispatched_at IS NULL AND created_at < :olderThan ORDER BY created_at LIMIT :limit")
                .param("olderThan", Timestamps.bind(olderThan))
                .param("limit", limit)
                .query((rs, n) -> new Undispatched(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                        rs.getObject("predecessor_id", UUID.class)))
                .list();
    }

    /** Stamps dispatched_at on those not stamped yet; returns how many it stamped. */
    public int markDispatched(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE webhook_deliveries SET dispatched_at = :at "
                        + "WHERE id = ANY (CAST(string_to_array(:ids, ',') AS uuid[])) AND dispatched_at IS NULL")
                .param("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .param("at", Timestamps.bind(at))
                .update();
    }
}
