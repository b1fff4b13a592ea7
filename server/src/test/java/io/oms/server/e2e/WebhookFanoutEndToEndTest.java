package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.webhook.WebhookDeliveryContract;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fan-out in the running worker: events written to the outbox and published by the relay become one delivery
 * per subscribed active endpoint of the event's tenant, linked per (endpoint, order) to the previous one, and the
 * dispatcher starts the workflow {@code webhook/{id}} of each; the sweep starts a delivery whose workflow never was.
 * The tenant does not allow private targets and the endpoints point at a closed loopback port, so the deliveries
 * end without any request leaving the machine.
 */
class WebhookFanoutEndToEndTest extends EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired private JdbcClient jdbc;
    @Autowired private TransactionTemplate tx;
    @Autowired private OutboxRepository outbox;
    @Autowired private WebhookEndpointRepository endpoints;
    @Autowired private WebhookSecrets secrets;
    @Autowired private InProcessEventBus bus;
    @Autowired private WorkflowClient temporal;

    private String tenant;

    @BeforeEach
    void tenant() {
        tenant = "wh-fan-" + UUID.randomUUID().toString().substring(0, 8);
        context().getBean(TenantRepository.class).ensure(tenant, "Webhook fan-out");
    }

    @Test
    void anEventReachesEverySubscribedEndpointOnceEvenWhenOfferedTwice() {
        UUID all = endpoint(List.of("*"));
        UUID created = endpoint(List.of("order.created"));
        endpoint(List.of("order.filled"));

        OutboxEvent event = publish("order-1", "order.created").getFirst();
        Waits.until(WAIT, "two deliveries", () -> deliveries(event).size() == 2);
        assertThat(deliveries(event)).containsExactlyInAnyOrder(all, created);

        bus.publish(event); // the relay may offer an event again
        assertThat(deliveries(event)).hasSize(2);
    }

    @Test
    void deliveriesOfOneOrderAreChainedPerEndpointAndNothingElseIs() {
        UUID a = endpoint(List.of("*"));
        UUID b = endpoint(List.of("*"));
        List<OutboxEvent> events = publish("order-1", "order.created", "order.routed", "order.filled");
        OutboxEvent other = publish("order-2", "order.created").getFirst();
        Waits.until(WAIT, "eight deliveries", () -> count() == 8);

        for (UUID endpoint : List.of(a, b)) {
            UUID d1 = delivery(endpoint, events.get(0));
            UUID d2 = delivery(endpoint, events.get(1));
            UUID d3 = delivery(endpoint, events.get(2));
            assertThat(predecessor(d1)).isNull();
            assertThat(predecessor(d2)).isEqualTo(d1);
            assertThat(predecessor(d3)).isEqualTo(d2);
            assertThat(predecessor(delivery(endpoint, other))).as("another order waits for nobody").isNull();
        }
    }

    @Test
    void receivedWebhooksAndInactiveOrDeletedEndpointsCreateNothing() {
        endpoint(List.of("*"));
        UUID inactive = endpoint(List.of("*"));
        UUID deleted = endpoint(List.of("*"));
        endpoints.update(tenant, inactive, "http://127.0.0.1:9/hook", null, List.of("*"), false, null, Instant.now());
        endpoints.delete(tenant, deleted, Instant.now());

        OutboxEvent received = publishAs(DomainEvents.AGGREGATE_WEBHOOK_SOURCE, "src-1", DomainEvents.WEBHOOK_RECEIVED).getFirst();
        OutboxEvent created = publish("order-1", "order.created").getFirst();
        Waits.until(WAIT, "the order event's delivery", () -> !deliveries(created).isEmpty());
        Waits.until(WAIT, "both published", () -> published(received) && published(created));

        assertThat(deliveries(received)).as("webhook.received is never sent out").isEmpty();
        assertThat(count()).as("only the active endpoint got the order event").isEqualTo(1);
    }

    @Test
    void theDispatcherStartsEachDeliverysWorkflow() {
        UUID endpoint = endpoint(List.of("*"));
        OutboxEvent event = publish("order-1", "order.created").getFirst();
        Waits.until(WAIT, "the delivery dispatched", () -> dispatchedAt(endpoint, event) != null);

        String workflowId = WebhookDeliveryContract.workflowId(delivery(endpoint, event));
        assertThat(temporal.newUntypedWorkflowStub(workflowId).describe().getWorkflowType())
                .isEqualTo(WebhookDeliveryContract.WORKFLOW_TYPE);
    }

    @Test
    void theSweepStartsADeliveryLeftUndispatched() {
        OutboxEvent event = publish("order-1", "order.created").getFirst();
        Waits.until(WAIT, "the event published", () -> published(event));
        // as if the worker died between committing the delivery and starting its workflow
        UUID endpoint = endpoint(List.of("*"));
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, outbox_id, event_type,
                                                        ordering_key, created_at)
                        VALUES (:id, :tenant, :endpoint, :event, :outboxId, :type, 'order/order-1', now() - interval '1 minute')""")
                .param("id", id).param("tenant", tenant).param("endpoint", endpoint).param("event", event.eventId())
                .param("outboxId", event.id()).param("type", event.eventType()).update();

        Waits.until(WAIT, "the sweep dispatched it", () -> dispatchedAt(endpoint, event) != null);
        assertThat(temporal.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(id)).describe().getWorkflowType())
                .isEqualTo(WebhookDeliveryContract.WORKFLOW_TYPE);
    }

    private UUID endpoint(List<String> types) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        String sealed = secrets.sealForEndpoint(id, StandardWebhooks.newSecret());
        endpoints.insert(new WebhookEndpoint(id, tenant, "http://127.0.0.1:9/hook", null, types, true, sealed, null, null,
                1, now, now));
        return id;
    }

    private List<OutboxEvent> publish(String orderId, String... types) {
        return publishAs(DomainEvents.AGGREGATE_ORDER, orderId, types);
    }

    /** Writes the events in one transaction, as the ledger does; the relay publishes them. */
    private List<OutboxEvent> publishAs(String aggregateType, String aggregateId, String... types) {
        List<UUID> ids = tx.execute(s -> java.util.Arrays.stream(types)
                .map(type -> outbox.appendEvent(tenant, aggregateType, aggregateId, type, Instant.now(), "subject",
                        "{\"id\":\"" + aggregateId + "\"}"))
                .toList());
        return ids.stream().map(this::outboxEvent).toList();
    }

    private OutboxEvent outboxEvent(UUID eventId) {
        return jdbc.sql("SELECT id, event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload::text AS payload, "
                        + "created_at FROM outbox_events WHERE event_id = :e").param("e", eventId)
                .query((rs, n) -> new OutboxEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("tenant_id"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getString("event_type"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), null))
                .single();
    }

    private boolean published(OutboxEvent e) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_events WHERE id = :id").param("id", e.id())
                .query(Boolean.class).single();
    }

    private List<UUID> deliveries(OutboxEvent e) {
        return jdbc.sql("SELECT endpoint_id FROM webhook_deliveries WHERE event_id = :e").param("e", e.eventId())
                .query(UUID.class).list();
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE tenant_id = :t").param("t", tenant)
                .query(Integer.class).single();
    }

    private UUID delivery(UUID endpoint, OutboxEvent e) {
        return jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = :ep AND event_id = :e")
                .param("ep", endpoint).param("e", e.eventId()).query(UUID.class).single();
    }

    private UUID predecessor(UUID delivery) {
        return jdbc.sql("SELECT predecessor_id FROM webhook_deliveries WHERE id = :id").param("id", delivery)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
    }

    private Instant dispatchedAt(UUID endpoint, OutboxEvent e) {
        return jdbc.sql("SELECT dispatched_at FROM webhook_deliveries WHERE endpoint_id = :ep AND event_id = :e")
                .param("ep", endpoint).param("e", e.eventId())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .optional().flatMap(o -> o).orElse(null);
    }
}
