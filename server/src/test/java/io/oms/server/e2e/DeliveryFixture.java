package io.oms.server.e2e;

import io.oms.infra.config.WebhookProperties;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.infra.webhook.WebhookSettingsRepository;
import io.oms.workflows.webhook.DeliveryInput;
import io.oms.workflows.webhook.DeliveryState;
import io.oms.workflows.webhook.WebhookDeliveryContract;
import io.oms.workflows.webhook.WebhookDeliveryClient;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives the delivery engine without the fan-out: a tenant of the test's own, its endpoint (secret known to the
 * test), an outbox event written as already published (so the relay and fan-out never see it), a delivery row for
 * it, and the delivery workflow started as the dispatcher would.
 */
final class DeliveryFixture {
    final String tenant;
    private final ApplicationContext beans;
    private final JdbcClient jdbc;

    DeliveryFixture(ApplicationContext beans, boolean allowPrivateTargets) {
        this.beans = beans;
        this.jdbc = beans.getBean(JdbcClient.class);
        this.tenant = "wh" + UUID.randomUUID().toString().substring(0, 8);
        beans.getBean(TenantRepository.class).ensure(tenant, "Webhook engine test " + tenant);
        beans.getBean(WebhookSettingsRepository.class).setAllowPrivateTargets(tenant, allowPrivateTargets, Instant.now());
    }

    /** An endpoint and its secret as shown once to its owner. */
    record Endpoint(UUID id, String secret) {}

    Endpoint endpoint(String url) {
        UUID id = UuidV7.next();
        String secret = StandardWebhooks.newSecret();
        Instant now = Instant.now();
        beans.getBean(WebhookEndpointRepository.class).insert(new WebhookEndpoint(id, tenant, url, "engine test",
                List.of(WebhookEndpoint.ALL_EVENTS), true, beans.getBean(WebhookSecrets.class).sealForEndpoint(id, secret),
                null, null, 1, now, now));
        return new Endpoint(id, secret);
    }

    /** A new current secret; the old one keeps signing for an hour. */
    String rotate(Endpoint e) {
        String next = StandardWebhooks.newSecret();
        WebhookSecrets secrets = beans.getBean(WebhookSecrets.class);
        Instant now = Instant.now();
        beans.getBean(WebhookEndpointRepository.class).rotate(tenant, e.id(), secrets.sealForEndpoint(e.id(), next),
                secrets.sealForEndpoint(e.id(), e.secret()), now.plus(Duration.ofHours(1)), now);
        return next;
    }

    /** An event in the outbox and one delivery of it to the endpoint, its workflow started; the delivery's id. */
    UUID deliver(Endpoint e) {
        return deliver(e, null);
    }

    /** As {@link #deliver(Endpoint)}, waiting behind {@code predecessor} (null: nothing to wait for). */
    UUID deliver(Endpoint e, UUID predecessor) {
        UUID deliveryId = insert(e, predecessor);
        start(deliveryId, predecessor);
        return deliveryId;
    }

    /** Starts the delivery's workflow as the dispatcher would. */
    void start(UUID deliveryId, UUID predecessor) {
        WebhookDeliveryClient.startFirst(beans.getBean(WorkflowClient.class),
                DeliveryInput.first(deliveryId, tenant, predecessor, beans.getBean(WebhookProperties.class).retrySchedule()));
    }

    /** The event and its delivery row, its workflow not started. */
    UUID insert(Endpoint e, UUID predecessor) {
        UUID eventId = UUID.randomUUID();
        String orderId = UuidV7.next().toString();
        String payload = "{\"eventId\":\"" + eventId + "\",\"type\":\"order.created\",\"occurredAt\":\"" + Instant.now()
                + "\",\"tenantId\":\"" + tenant + "\",\"order\":{\"id\":\"" + orderId + "\",\"note\":\"caf\u00e9\"}}";
        long outboxId = jdbc.sql("""
                        INSERT INTO outbox_events (event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload, published_at)
                        VALUES (:eventId, :tenant, 'order', :orderId, 'order.created', CAST(:payload AS jsonb), now()) RETURNING id""")
                .param("eventId", eventId).param("tenant", tenant).param("orderId", orderId).param("payload", payload)
                .query(Long.class).single();
        UUID deliveryId = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, outbox_id, event_type, ordering_key,
                                                        predecessor_id, dispatched_at)
                        VALUES (:id, :tenant, :endpoint, :eventId, :outboxId, 'order.created', :key, :predecessor, now())""")
                .param("id", deliveryId).param("tenant", tenant).param("endpoint", e.id()).param("eventId", eventId)
                .param("outboxId", outboxId).param("key", "order/" + orderId)
                .param("predecessor", predecessor, java.sql.Types.OTHER)
                .update();
        return deliveryId;
    }

    /** What the redelivery API does (state PENDING, dead letter stamped), then the workflow's second run. */
    void redeliver(UUID deliveryId) throws java.util.concurrent.TimeoutException {
        // The earlier run settled the row and may still be signalling its successor: wait until it closed.
        beans.getBean(WorkflowClient.class).newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(deliveryId))
                .getResult(10, java.util.concurrent.TimeUnit.SECONDS, DeliveryState.class);
        int attempts = jdbc.sql("UPDATE webhook_deliveries SET state = 'PENDING', updated_at = now() WHERE id = :id "
                        + "AND state IN ('DELIVERED', 'DEAD') RETURNING attempts")
                .param("id", deliveryId).query(Integer.class).single();
        jdbc.sql("UPDATE webhook_dead_letters SET redelivered_at = now() WHERE delivery_id = :id").param("id", deliveryId).update();
        WebhookDeliveryClient.startRedelivery(beans.getBean(WorkflowClient.class), DeliveryInput.redelivery(deliveryId, tenant,
                attempts, beans.getBean(WebhookProperties.class).retrySchedule()));
    }

    /** The event's payload as stored, which is what goes out byte for byte. */
    String payloadOf(UUID deliveryId) {
        return jdbc.sql("SELECT e.payload::text FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.outbox_id WHERE d.id = :id")
                .param("id", deliveryId).query(String.class).single();
    }

    String eventIdOf(UUID deliveryId) {
        return jdbc.sql("SELECT event_id::text FROM webhook_deliveries WHERE id = :id").param("id", deliveryId)
                .query(String.class).single();
    }

    /** Waits (bounded) until the delivery is settled and returns its row. */
    Map<String, Object> awaitSettled(UUID deliveryId, Duration within) throws InterruptedException {
        Waits.until(within, "delivery " + deliveryId + " settled", () -> {
            Object state = delivery(deliveryId).get("state");
            return "DELIVERED".equals(state) || "DEAD".equals(state);
        });
        return delivery(deliveryId);
    }

    Map<String, Object> delivery(UUID deliveryId) {
        return jdbc.sql("SELECT state, attempts, last_status_code, last_error, next_attempt_at, delivered_at FROM webhook_deliveries WHERE id = :id")
                .param("id", deliveryId).query().singleRow();
    }

    List<Map<String, Object>> attempts(UUID deliveryId) {
        return jdbc.sql("SELECT attempt, status_code, outcome, error, latency_ms, response_excerpt FROM webhook_attempts "
                        + "WHERE delivery_id = :id ORDER BY attempt")
                .param("id", deliveryId).query().listOfRows();
    }

    List<Map<String, Object>> deadLetters(UUID deliveryId) {
        return jdbc.sql("SELECT reason, attempts, last_status_code, redelivered_at FROM webhook_dead_letters WHERE delivery_id = :id")
                .param("id", deliveryId).query().listOfRows();
    }

    List<Map<String, Object>> audit(UUID deliveryId) {
        return jdbc.sql("SELECT actor, action, resource_version FROM audit_log WHERE tenant_id = :tenant AND resource_id = :id")
                .param("tenant", tenant).param("id", deliveryId.toString()).query().listOfRows();
    }

    /** Pauses or deletes the endpoint as the API would. */
    void pause(Endpoint e) {
        jdbc.sql("UPDATE webhook_endpoints SET active = false WHERE id = :id").param("id", e.id()).update();
    }

    void delete(Endpoint e) {
        beans.getBean(WebhookEndpointRepository.class).delete(tenant, e.id(), Instant.now());
    }
}
