package io.oms.infra.outbox;

import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the events the relay has published, in publication order {@code (published_at, id)}: the relay stamps
 * one {@code published_at} per pass and passes follow each other under its lock, so that order is the order of
 * publication (ids alone can commit out of order). For the live event stream and its {@code Last-Event-ID} resume.
 */
@Repository
public class PublishedEvents {
    /** A place in publication order; {@link #START} is before every event. */
    public record Position(Instant publishedAt, long id) {
        public static final Position START = new Position(Instant.EPOCH, 0);
    }

    /** One published event: its outbox id, type and payload (the JSON envelope, as stored). */
    public record Published(long id, String type, String payloadJson, Instant publishedAt) {
        public Position position() {
            return new Position(publishedAt, id);
        }
    }

    private final JdbcClient jdbc;

    public PublishedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the tenant's published event {@code id} stands; empty when it is not the tenant's or not published. */
    public Optional<Position> positionOf(String tenantId, long id) {
        return jdbc.sql("SELECT published_at FROM outbox_events WHERE tenant_id = :tenantId AND id = :id AND published_at IS NOT NULL")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> new Position(Timestamps.read(rs, "published_at"), id)).optional();
    }

    /** The tenant's latest published event's position, or {@link Position#START} when it has none. */
    public Position latest(String tenantId) {
        return jdbc.sql("""
                        SELECT published_at, id FROM outbox_events WHERE tenant_id = :tenantId AND published_at IS NOT NULL
                        ORDER BY published_at DESC, id DESC LIMIT 1""")
                .param("tenantId", tenantId)
                .query((rs, n) -> new Position(Timestamps.read(rs, "published_at"), rs.getLong("id")))
                .optional().orElse(Position.START);
    }

    /** The tenant's published events after {@code after}, oldest first; {@code types} empty means every type. */
    public List<Published> after(String tenantId, Position after, Collection<String> types, int limit) {
        return jdbc.sql("SELECT id, event_type, payload::text AS payload, published_at FROM outbox_events "
                        + "WHERE tenant_id = :tenantId AND published_at IS NOT NULL AND (published_at, id) > (:at, :id)"
                        + (types.isEmpty() ? "" : " AND event_type = ANY (string_to_array(:types, ','))")
                        + " ORDER BY published_at, id LIMIT :limit")
                .param("tenantId", tenantId).param("at", Timestamps.bind(after.publishedAt())).param("id", after.id())
                .param("types", String.join(",", types)).param("limit", limit)
                .query((rs, n) -> new Published(rs.getLong("id"), rs.getString("event_type"), rs.getString("payload"),
                        Timestamps.read(rs, "published_at")))
                .list();
    }

    /** A tenant that has events published at or after some instant, and the latest such publication. */
    public record TenantActivity(String tenantId, Instant latest) {}

    /** Which tenants had events published after {@code since} (one query for all tenants). */
    public List<TenantActivity> activitySince(Instant since) {
        return jdbc.sql("SELECT tenant_id, max(published_at) AS latest FROM outbox_events WHERE published_at > :since GROUP BY tenant_id")
                .param("since", Timestamps.bind(since))
                .query((rs, n) -> new TenantActivity(rs.getString("tenant_id"), Timestamps.read(rs, "latest")))
                .list();
    }
}
