package io.oms.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.webhook.WebhookDeliveryRepository.Undispatched;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebhookDeliveryRepositoryTest {
    private static final AtomicLong OUTBOX_IDS = new AtomicLong(System.currentTimeMillis() * 10);

    private final TestDb db = TestDb.get();
    private final WebhookDeliveryRepository deliveries = new WebhookDeliveryRepository(db.jdbc);
    private final WebhookEndpointRepository endpoints = new WebhookEndpointRepository(db.jdbc);
    private final String tenant = db.newTenant();

    @Test
    void createsOneDeliveryPerSubscribedActiveEndpointOnlyOnce() {
        UUID all = endpoint(tenant, List.of("*"));
        UUID filled = endpoint(tenant, List.of("order.filled", "order.created"));
        endpoint(tenant, List.of("position.updated"));
        endpoint(db.newTenant(), List.of("*"));
        OutboxEvent created = event(tenant, "order", "o-1", "order.created");

        List<Undispatched> made = deliveries.createFor(created);

        assertThat(made).hasSize(2).allSatisfy(d -> {
            assertThat(d.tenantId()).isEqualTo(tenant);
            assertThat(d.predecessorId()).isNull();
            assertThat(d.id().version()).isEqualTo(7);
        });
        assertThat(endpointsOf(created)).containsExactlyInAnyOrder(all, filled);
        assertThat(deliveries.createFor(created)).as("the relay offering the event again").isEmpty();
        assertThat(endpointsOf(created)).hasSize(2);
    }

    @Test
    void linksEachDeliveryToThePreviousOneOfTheSameEndpointAndOrder() {
        UUID a = endpoint(tenant, List.of("*"));
        UUID b = endpoint(tenant, List.of("*"));
        OutboxEvent first = event(tenant, "order", "o-1", "order.created");
        OutboxEvent otherOrder = event(tenant, "order", "o-2", "order.created");
        OutboxEvent second = event(tenant, "order", "o-1", "order.routed");
        OutboxEvent third = event(tenant, "order", "o-1", "order.filled");
        for (OutboxEvent e : List.of(first, otherOrder, second, third)) {
            deliveries.createFor(e);
        }

        for (UUID endpoint : List.of(a, b)) {
            UUID d1 = delivery(endpoint, first);
            UUID d2 = delivery(endpoint, second);
            UUID d3 = delivery(endpoint, third);
            assertThat(predecessor(d1)).isNull();
            assertThat(predecessor(d2)).isEqualTo(d1);
            assertThat(predecessor(d3)).isEqualTo(d2);
            assertThat(predecessor(delivery(endpoint, otherOrder))).as("another order waits for nothing").isNull();
        }
        assertThat(db.jdbc.sql("SELECT ordering_key FROM webhook_deliveries WHERE id = :id")
                .param("id", delivery(a, third)).query(String.class).single()).isEqualTo("order/o-1");
    }

    @Test
    void inactiveAndDeletedEndpointsGetNothing() {
        UUID inactive = endpoint(tenant, List.of("*"));
        endpoints.update(tenant, inactive, "https://example.com/hook", null, List.of("*"), false, null, Instant.now());
        UUID deleted = endpoint(tenant, List.of("*"));
        endpoints.delete(tenant, deleted, Instant.now());

        assertThat(deliveries.createFor(event(tenant, "order", "o-1", "order.created"))).isEmpty();
    }

    @Test
    void listsUndispatchedDeliveriesUntilStamped() {
        endpoint(tenant, List.of("*"));
        endpoint(tenant, List.of("*"));
        List<UUID> made = deliveries.createFor(event(tenant, "order", "o-1", "order.created")).stream()
                .map(Undispatched::id).toList();

        assertThat(ids(deliveries.undispatched(Instant.now().plusSeconds(1), 10_000))).containsAll(made);
        assertThat(ids(deliveries.undispatched(Instant.now().minusSeconds(60), 10_000))).doesNotContainAnyElementsOf(made);

        assertThat(deliveries.markDispatched(made, Instant.now())).isEqualTo(2);
        assertThat(deliveries.markDispatched(made, Instant.now())).as("stamped once").isZero();
        assertThat(ids(deliveries.undispatched(Instant.now().plusSeconds(1), 10_000))).doesNotContainAnyElementsOf(made);
    }

    private UUID endpoint(String tenantId, List<String> types) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        endpoints.insert(new WebhookEndpoint(id, tenantId, "https://example.com/hook", null, types, true, "sealed",
                null, null, 1, now, now));
        return id;
    }

    private static OutboxEvent event(String tenantId, String aggregateType, String aggregateId, String type) {
        return new OutboxEvent(OUTBOX_IDS.incrementAndGet(), UUID.randomUUID(), tenantId, aggregateType, aggregateId,
                type, "{}", Instant.now(), null);
    }

    private List<UUID> endpointsOf(OutboxEvent e) {
        return db.jdbc.sql("SELECT endpoint_id FROM webhook_deliveries WHERE event_id = :e").param("e", e.eventId())
                .query(UUID.class).list();
    }

    private UUID delivery(UUID endpoint, OutboxEvent e) {
        return db.jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = :ep AND event_id = :e")
                .param("ep", endpoint).param("e", e.eventId()).query(UUID.class).single();
    }

    private UUID predecessor(UUID delivery) {
        return db.jdbc.sql("SELECT predecessor_id FROM webhook_deliveries WHERE id = :id").param("id", delivery)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
    }

    private static List<UUID> ids(List<Undispatched> list) {
        return list.stream().map(Undispatched::id).toList();
    }
}
