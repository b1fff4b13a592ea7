package io.oms.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery workflow's state transitions on the real schema. */
class DeliveryLedgerTest {
    private final TestDb db = TestDb.get();
    private final DeliveryLedger ledger = new DeliveryLedger(db.jdbc);
    private final String tenant = db.newTenant();
    private final UUID endpoint = endpoint(tenant);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void anAttemptLoadsTheDeliveryWithItsEventPayloadOnlyForItsOwnTenant() {
        UUID d = delivery(null);
        DeliveryTarget t = ledger.target(tenant, d).orElseThrow();
        assertThat(t.endpointId()).isEqualTo(endpoint);
        assertThat(t.state()).isEqualTo("PENDING");
        assertThat(t.payloadJson()).contains("\"type\": \"order.created\"");
        assertThat(t.eventCreatedAt()).isNotNull();
        assertThat(ledger.target(db.newTenant(), d)).isEmpty();
    }

    @Test
    void aRetriedAttemptRewritesItsRowAndAFailedOneWaitsPendingUntilItsNextAttempt() {
        UUID d = delivery(null);
        ledger.markDelivering(tenant, d, 1, now);
        assertThat(row(d)).containsEntry("state", "DELIVERING").containsEntry("attempts", 1);
        ledger.recordAttempt(attempt(d, 1, null, "RETRY", "READ_TIMEOUT"), null, now);
        Instant next = now.plusSeconds(30);
        ledger.recordAttempt(attempt(d, 1, 503, "RETRY", "HTTP_503"), next, now);

        assertThat(attempts(d)).singleElement().satisfies(a ->
                assertThat(a).containsEntry("status_code", 503).containsEntry("error", "HTTP_503"));
        assertThat(row(d)).containsEntry("state", "PENDING").containsEntry("attempts", 1)
                .containsEntry("last_status_code", 503);
        assertThat(ledger.settled(tenant, d)).isFalse();
    }

    @Test
    void deadLettersOnceAndAgainAfterARedelivery() {
        UUID d = delivery(null);
        ledger.markDelivering(tenant, d, 1, now);
        ledger.recordAttempt(attempt(d, 1, 410, "FAILED", "HTTP_410"), null, now);
        var dead = ledger.markDead(tenant, d, "HTTP_410", now).orElseThrow();
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastStatusCode()).isEqualTo(410);
        assertThat(ledger.markDead(tenant, d, "HTTP_410", now)).as("a retried settle").isEmpty();
        assertThat(ledger.settled(tenant, d)).isTrue();
        assertThat(deadLetter(d)).containsEntry("reason", "HTTP_410").containsEntry("attempts", 1);

        // A redelivery (the API's part), its attempt 2 refused again.
        db.jdbc.sql("UPDATE webhook_deliveries SET state = 'PENDING' WHERE id = :id").param("id", d).update();
        db.jdbc.sql("UPDATE webhook_dead_letters SET redelivered_at = now() WHERE delivery_id = :id").param("id", d).update();
        ledger.markDelivering(tenant, d, 2, now);
        ledger.recordAttempt(attempt(d, 2, null, "FAILED", "ENDPOINT_INACTIVE"), null, now);
        assertThat(ledger.markDead(tenant, d, "ENDPOINT_INACTIVE", now)).isPresent();
        assertThat(deadLetter(d)).containsEntry("reason", "ENDPOINT_INACTIVE").containsEntry("attempts", 2)
                .containsEntry("redelivered_at", null);
    }

    @Test
    void aSettledDeliveryIsNotMovedByALateAttemptOrSettle() {
        UUID d = delivery(null);
        assertThat(ledger.markDelivered(tenant, d, now)).isTrue();
        ledger.markDelivering(tenant, d, 2, now);
        ledger.recordAttempt(attempt(d, 2, 500, "RETRY", "HTTP_500"), now.plusSeconds(5), now);
        assertThat(ledger.markDead(tenant, d, "late", now)).isEmpty();
        assertThat(ledger.markDelivered(tenant, d, now)).isFalse();
        assertThat(row(d)).containsEntry("state", "DELIVERED");
    }

    @Test
    void anotherTenantCanNeitherSettleNorSeeADelivery() {
        UUID d = delivery(null);
        String other = db.newTenant();
        assertThat(ledger.markDelivered(other, d, now)).isFalse();
        assertThat(ledger.markDead(other, d, "x", now)).isEmpty();
        assertThat(ledger.successors(other, d)).isEmpty();
        assertThat(row(d)).containsEntry("state", "PENDING");
    }

    @Test
    void findsTheSuccessorsWaitingBehindADelivery() {
        UUID first = delivery(null);
        UUID second = delivery(first);
        assertThat(ledger.successors(tenant, first)).containsExactly(second);
        assertThat(ledger.successors(tenant, second)).isEmpty();
        assertThat(ledger.settled(tenant, UUID.randomUUID())).as("unknown: nothing to wait for").isTrue();
    }

    private AttemptRecord attempt(UUID d, int n, Integer status, String outcome, String error) {
        return new AttemptRecord(d, tenant, n, now, status == null ? null : 12, status, outcome, error, "body");
    }

    private UUID delivery(UUID predecessor) {
        UUID eventId = UUID.randomUUID();
        long outboxId = db.jdbc.sql("""
                        INSERT INTO outbox_events (event_id, tenant_id, aggregate_type, aggregate_id, event_type, payload)
                        VALUES (:e, :t, 'order', 'o-1', 'order.created', CAST(:p AS jsonb)) RETURNING id""")
                .param("e", eventId).param("t", tenant).param("p", "{\"eventId\":\"" + eventId + "\",\"type\":\"order.created\"}")
                .query(Long.class).single();
        UUID id = UuidV7.next();
        db.jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, outbox_id, event_type, ordering_key, predecessor_id)
                        VALUES (:id, :t, :ep, :e, :o, 'order.created', 'order/o-1', :p)""")
                .param("id", id).param("t", tenant).param("ep", endpoint).param("e", eventId).param("o", outboxId)
                .param("p", predecessor, java.sql.Types.OTHER)
                .update();
        return id;
    }

    private UUID endpoint(String tenantId) {
        UUID id = UuidV7.next();
        Instant at = Instant.now();
        new WebhookEndpointRepository(db.jdbc).insert(new WebhookEndpoint(id, tenantId, "https://example.com/hook", null,
                List.of("*"), true, "sealed", null, null, 1, at, at));
        return id;
    }

    private Map<String, Object> row(UUID d) {
        return db.jdbc.sql("SELECT state, attempts, last_status_code FROM webhook_deliveries WHERE id = :id")
                .param("id", d).query().singleRow();
    }

    private List<Map<String, Object>> attempts(UUID d) {
        return db.jdbc.sql("SELECT status_code, error FROM webhook_attempts WHERE delivery_id = :id").param("id", d).query().listOfRows();
    }

    private Map<String, Object> deadLetter(UUID d) {
        return db.jdbc.sql("SELECT reason, attempts, redelivered_at FROM webhook_dead_letters WHERE delivery_id = :id")
                .param("id", d).query().singleRow();
    }
}
