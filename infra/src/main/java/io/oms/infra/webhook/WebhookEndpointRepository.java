package io.oms.infra.webhook;

import io.oms.infra.persistence.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's webhook endpoints. Every statement filters by tenant (another tenant's id finds nothing) except
 * {@link #findForDelivery}, which the worker calls with an endpoint id taken from the tenant's own delivery row.
 * Deleting is soft: deliveries keep referring to the endpoint, and a delivery of a deleted endpoint stops.
 */
@Repository
public class WebhookEndpointRepository {
    /** Endpoints per tenant; each event fans out to every subscribed one, so their number is bounded. */
    public static final int MAX_PER_TENANT = 50;
    private static final String COLUMNS = "id, tenant_id, url, description, event_types, active, secret_sealed, "
            + "previous_secret_sealed, previous_secret_expires_at, version, created_at, updated_at";

    private final JdbcClient jdbc;

    public WebhookEndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WebhookEndpoint e) {
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, active, secret_sealed,
                                                       version, created_at, updated_at)
                        VALUES (:id, :tenantId, :url, :description, string_to_array(:types, ','), :active, :secret,
                                :version, :createdAt, :updatedAt)""")
                .param("id", e.id())
                .param("tenantId", e.tenantId())
                .param("url", e.url())
                .param("description", e.description(), java.sql.Types.VARCHAR)
                .param("types", String.join(",", e.eventTypes()))
                .param("active", e.active())
                .param("secret", e.secretSealed())
                .param("version", e.version())
                .param("createdAt", Timestamps.bind(e.createdAt()))
                .param("updatedAt", Timestamps.bind(e.updatedAt()))
                .update();
    }

    /**
     * Inserts the endpoint unless its tenant already has {@link #MAX_PER_TENANT}; false then. Creates of one tenant
     * are serialised by a transaction-scoped advisory lock, so two at once cannot both pass the cap.
     */
    @Transactional
    public boolean insertWithinQuota(WebhookEndpoint e) {
        lockTenant(jdbc, "webhook_endpoints:" + e.tenantId());
        if (countActive(e.tenantId()) >= MAX_PER_TENANT) return false;
        insert(e);
        return true;
    }

    /** Serialises, until the current transaction ends, whatever else takes the same key (a tenant's quota checks). */
    static void lockTenant(JdbcClient jdbc, String key) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked").param("key", key)
                .query(Integer.class).single();
    }

    public int countActive(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE tenant_id = :tenantId AND deleted_at IS NULL")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    public Optional<WebhookEndpoint> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The tenant's endpoints, oldest first. */
    public List<WebhookEndpoint> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = :tenantId AND deleted_at IS NULL ORDER BY id")
                .param("tenantId", tenantId)
                .query((rs, n) -> map(rs)).list();
    }

    /** Active endpoints subscribed to this event type ({@code *} included). */
    public List<WebhookEndpoint> subscribers(String tenantId, String eventType) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = :tenantId AND deleted_at IS NULL "
                        + "AND active AND (:type = ANY (event_types) OR '*' = ANY (event_types)) ORDER BY id")
                .param("tenantId", tenantId).param("type", eventType)
                .query((rs, n) -> map(rs)).list();
    }

    /** The endpoint a delivery goes to, deleted or not (empty only for an unknown id). */
    public Optional<EndpointForDelivery> findForDelivery(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", deleted_at FROM webhook_endpoints WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> new EndpointForDelivery(map(rs), Timestamps.read(rs, "deleted_at") != null)).optional();
    }

    /** An endpoint and whether it was deleted. */
    public record EndpointForDelivery(WebhookEndpoint endpoint, boolean deleted) {}

    /**
     * Replaces url, description, event types and active flag when the stored version is {@code expectedVersion}
     * (null: any); returns the updated endpoint, empty when there is no such endpoint or the version moved on.
     */
    public Optional<WebhookEndpoint> update(String tenantId, UUID id, String url, String description,
                                            List<String> eventTypes, boolean active, Integer expectedVersion, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoints SET url = :url, description = :description, "
                        + "event_types = string_to_array(:types, ','), active = :active, version = version + 1, updated_at = :now "
                        + "WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL "
                        + "AND (CAST(:expected AS integer) IS NULL OR version = :expected) RETURNING " + COLUMNS)
                .param("tenantId", tenantId).param("id", id)
                .param("url", url)
                .param("description", description, java.sql.Types.VARCHAR)
                .param("types", String.join(",", eventTypes))
                .param("active", active)
                .param("expected", expectedVersion, java.sql.Types.INTEGER)
                .param("now", Timestamps.bind(now))
                .query((rs, n) -> map(rs)).optional();
    }

    /** A new current secret; the old one keeps signing until {@code previousExpiresAt} (now: at once). */
    public Optional<WebhookEndpoint> rotate(String tenantId, UUID id, String newSealed, String previousSealed,
                                            Instant previousExpiresAt, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoints SET secret_sealed = :secret, previous_secret_sealed = :previous, "
                        + "previous_secret_expires_at = :expires, version = version + 1, updated_at = :now "
                        + "WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL RETURNING " + COLUMNS)
                .param("tenantId", tenantId).param("id", id)
                .param("secret", newSealed)
                .param("previous", previousSealed, java.sql.Types.VARCHAR)
                .param("expires", previousExpiresAt == null ? null : Timestamps.bind(previousExpiresAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Timestamps.bind(now))
                .query((rs, n) -> map(rs)).optional();
    }

    public boolean delete(String tenantId, UUID id, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoints SET deleted_at = :now, active = false, updated_at = :now "
                        + "WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
                .param("tenantId", tenantId).param("id", id).param("now", Timestamps.bind(now))
                .update() == 1;
    }

    /** The secrets that sign at {@code now}: the current one, then the previous one while its overlap lasts. */
    public static List<String> signingSecrets(WebhookEndpoint e, WebhookSecrets secrets, Instant now) {
        List<String> out = new ArrayList<>(2);
        out.add(secrets.openForEndpoint(e.id(), e.secretSealed()));
        if (e.previousSecretSealed() != null && now.isBefore(e.previousSecretExpiresAt())) {
            out.add(secrets.openForEndpoint(e.id(), e.previousSecretSealed()));
        }
        return out;
    }

    private static WebhookEndpoint map(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("url"),
                rs.getString("description"), List.of((String[]) types.getArray()), rs.getBoolean("active"),
                rs.getString("secret_sealed"), rs.getString("previous_secret_sealed"),
                Timestamps.read(rs, "previous_secret_expires_at"), rs.getInt("version"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
