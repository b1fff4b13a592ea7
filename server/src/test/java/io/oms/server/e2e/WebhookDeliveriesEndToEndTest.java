package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.Timestamps;
import io.oms.infra.webhook.WebhookSettingsRepository;
import io.oms.workflows.webhook.WebhookDeliveryContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint's deliveries, one delivery with its attempts and event, redelivery of a settled one, and the dead
 * letters, through the API. The rows are written as the delivery engine writes them; the engine runs only what a
 * redelivery starts.
 */
class WebhookDeliveriesEndToEndTest extends EndToEndTest {
    /** Only the types of the rows written here: the tenant's own events (its account's reconciliation) add none. */
    private static final String TYPES = "[\"order.filled\",\"order.canceled\"]";
    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private WorkflowClient temporal;

    @Autowired
    private WebhookSettingsRepository settings;

    private OwnTenant own;
    private WebhookRows rows;
    private UUID endpoint;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);

    @BeforeEach
    void endpointWithDeliveries() {
        own = ownTenant("whd", "Webhook deliveries tenant");
        rows = new WebhookRows(jdbc);
        ApiClient.Response created = own.api().post("/api/v1/webhooks",
                "{\"url\":\"https://hooks.example.com/deliveries\",\"eventTypes\":" + TYPES + "}");
        assertThat(created.status()).isEqualTo(201);
        endpoint = UUID.fromString(created.text("id"));
    }

    @Test
    void anEndpointsDeliveriesAreListedNewestFirstPageByPageAndFiltered() {
        List<UUID> ids = new ArrayList<>();
        String[] states = {"DELIVERED", "DEAD", "PENDING", "DELIVERING", "DELIVERED"};
        for (int i = 0; i < states.length; i++) {
            String type = i % 2 == 0 ? "order.filled" : "order.canceled";
            ids.add(rows.delivery(own.id(), endpoint, rows.event(own.id(), type, "o-" + i), states[i], 1, 200));
        }
        List<String> seen = new ArrayList<>();
        String path = deliveries() + "?limit=2";
        for (int page = 0; page < 3; page++) {
            JsonNode body = own.api().get(path).body();
            body.get("items").forEach(d -> seen.add(d.path("id").asString()));
            assertThat(body.has("next")).as("a next page after page " + page).isEqualTo(page < 2);
            path = deliveries() + "?limit=2&cursor=" + body.path("next").asString();
        }
        assertThat(seen).containsExactly(ids.reversed().stream().map(UUID::toString).toArray(String[]::new));
        assertThat(ids(deliveries() + "?state=delivered")).containsExactly(ids.get(4).toString(), ids.get(0).toString());
        assertThat(ids(deliveries() + "?eventType=order.canceled")).containsExactly(ids.get(3).toString(), ids.get(1).toString());
        assertThat(ids(deliveries() + "?sort=created_at").getFirst()).isEqualTo(ids.get(0).toString());
        ApiClient.Response bad = own.api().get(deliveries() + "?state=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("details").get(0).path("field").asString()).isEqualTo("state");
        assertThat(own.api().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void aDeliveryIsShownWithEveryAttemptAndItsEvent() {
        WebhookRows.Event event = rows.event(own.id(), "order.filled", "o-77");
        UUID id = rows.delivery(own.id(), endpoint, event, "DELIVERED", 3, 200);
        rows.attempt(own.id(), id, 2, 503, "RETRY", null, "busy", t0.plusSeconds(5));
        rows.attempt(own.id(), id, 1, null, "RETRY", "connect timed out", null, t0);
        rows.attempt(own.id(), id, 3, 200, "DELIVERED", null, "ok", t0.plusSeconds(40));

        ApiClient.Response answer = own.api().get("/api/v1/webhook-deliveries/" + id);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode delivery = answer.body().get("delivery");
        assertThat(delivery.path("endpointId").asString()).isEqualTo(endpoint.toString());
        assertThat(delivery.path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(delivery.path("eventType").asString()).isEqualTo("order.filled");
        assertThat(delivery.path("orderingKey").asString()).isEqualTo("order/o-77");
        assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
        JsonNode attempts = answer.body().get("attempts");
        assertThat(attempts.findValuesAsString("outcome")).containsExactly("RETRY", "RETRY", "DELIVERED");
        assertThat(attempts.get(0).path("error").asString()).isEqualTo("connect timed out");
        assertThat(attempts.get(1).path("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.get(1).path("responseExcerpt").asString()).isEqualTo("busy");
        assertThat(attempts.get(2).path("latencyMs").asInt()).isEqualTo(43);
        assertThat(Instant.parse(attempts.get(0).path("startedAt").asString())).isEqualTo(t0);
        JsonNode payload = answer.body().get("payload");
        assertThat(payload.path("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(payload.path("order").path("id").asString()).isEqualTo("o-77");
    }

    @Test
    void onlyASettledDeliveryIsRedelivered() {
        UUID pending = rows.delivery(own.id(), endpoint, rows.event(own.id(), "order.filled", "o-1"), "PENDING", 2, 500);
        ApiClient.Response refused = own.api().post(redeliver(pending), "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(rows.state(pending)).isEqualTo("PENDING");
        assertThat(own.api().get("/api/v1/audit?action=webhook.delivery.redeliver").body().get("items")).isEmpty();
        assertThat(own.api().post(redeliver(UUID.randomUUID()), "{}").status()).isEqualTo(404);
    }

    @Test
    void aDeadDeliveryIsRedeliveredByItsWorkflowAndLeavesTheDeadLetters() throws Exception {
        // The redelivery's attempts go to a receiver that thinks longer than the read timeout, so its workflow is
        // still running (retrying) while the API's answers are checked.
        try (ScriptedReceiver slow = new ScriptedReceiver(new ScriptedReceiver.Answer(200, Map.of(), Duration.ofSeconds(10)))) {
            settings.setAllowPrivateTargets(own.id(), true, Instant.now());
            ApiClient.Response pointed = own.api().put("/api/v1/webhooks/" + endpoint,
                    "{\"url\":\"" + slow.url("/slow") + "\",\"eventTypes\":" + TYPES + "}");
            assertThat(pointed.status()).as(pointed.body().toString()).isEqualTo(200);
            UUID dead = rows.delivery(own.id(), endpoint, rows.event(own.id(), "order.filled", "o-2"), "DEAD", 4, 500);
            rows.deadLetter(own.id(), dead, endpoint, "order.filled", 4, t0, null);
            String workflowId = WebhookDeliveryContract.workflowId(dead);
            try {
                ApiClient.Response accepted = own.api().post(redeliver(dead), "{}");
                assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
                assertThat(accepted.text("state")).isEqualTo("PENDING");
                assertThat(rows.state(dead)).isIn("PENDING", "DELIVERING");
                assertThat(jdbc.sql("SELECT redelivered_at FROM webhook_dead_letters WHERE delivery_id = :id")
                        .param("id", dead).query((rs, n) -> Timestamps.read(rs, "redelivered_at")).single()).isNotNull();
                WorkflowStub run = temporal.newUntypedWorkflowStub(workflowId);
                assertThat(run.describe().getWorkflowType()).isEqualTo(WebhookDeliveryContract.WORKFLOW_TYPE);
                assertThat(run.describe().getStatus().name()).contains("RUNNING");
                assertThat(ids("/api/v1/webhook-dead-letters")).doesNotContain(dead.toString());
                assertThat(own.api().post(redeliver(dead), "{}").status()).as("not settled: refused").isEqualTo(409);
                JsonNode audited = own.api().get("/api/v1/audit?action=webhook.delivery.redeliver").body().get("items");
                assertThat(audited).hasSize(1);
                assertThat(audited.get(0).path("resourceId").asString()).isEqualTo(dead.toString());
            } finally {
                try {
                    temporal.newUntypedWorkflowStub(workflowId).terminate("test over");
                } catch (RuntimeException notThere) {
                    // nothing to stop
                }
            }
        }
    }

    @Test
    void theDeadLettersListShowsCurrentOnesNewestFirst() {
        UUID older = deadLetter("o-10", t0, null);
        UUID newer = deadLetter("o-11", t0.plusSeconds(60), null);
        UUID redelivered = deadLetter("o-12", t0.plusSeconds(120), t0.plusSeconds(180));
        assertThat(ids("/api/v1/webhook-dead-letters")).containsExactly(newer.toString(), older.toString());
        assertThat(ids("/api/v1/webhook-dead-letters?includeRedelivered=true"))
                .containsExactly(redelivered.toString(), newer.toString(), older.toString());
        assertThat(ids("/api/v1/webhook-dead-letters?endpointId=" + endpoint + "&limit=1")).containsExactly(newer.toString());
        assertThat(ids("/api/v1/webhook-dead-letters?endpointId=" + UUID.randomUUID())).isEmpty();
        JsonNode letter = own.api().get("/api/v1/webhook-dead-letters").body().get("items").get(0);
        assertThat(letter.path("reason").asString()).contains("500");
        assertThat(letter.path("attempts").asInt()).isEqualTo(11);
        assertThat(letter.path("eventId").asString()).isNotEmpty();
        assertThat(own.api().get("/api/v1/webhook-dead-letters?endpointId=nope").status()).isEqualTo(400);
    }

    private UUID deadLetter(String orderId, Instant deadAt, Instant redeliveredAt) {
        UUID id = rows.delivery(own.id(), endpoint, rows.event(own.id(), "order.rejected", orderId),
                redeliveredAt == null ? "DEAD" : "DELIVERED", 11, 500);
        rows.deadLetter(own.id(), id, endpoint, "order.rejected", 11, deadAt, redeliveredAt);
        return id;
    }

    private String deliveries() {
        return "/api/v1/webhooks/" + endpoint + "/deliveries";
    }

    private static String redeliver(UUID id) {
        return "/api/v1/webhook-deliveries/" + id + "/redeliver";
    }

    private List<String> ids(String path) {
        ApiClient.Response answer = own.api().get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        JsonNode items = answer.body().get("items");
        List<String> ids = items.findValuesAsString("id");
        return ids.isEmpty() ? items.findValuesAsString("deliveryId") : ids;
    }
}
