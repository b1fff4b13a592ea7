package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.webhook.StandardWebhooks;
import io.oms.workflows.domain.DomainEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound receiver: a message signed with its source's secret is accepted once (stored with a
 * {@code webhook.received} event); a replay, a bad or stale signature, a tampered body or missing headers are
 * refused and store nothing; an unknown source is 404.
 */
class InboundWebhooksEndToEndTest extends EndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private OwnTenant own;
    private InboundSender sender;
    private JdbcClient jdbc;

    @BeforeEach
    void tenant() {
        own = ownTenant("inb", "Inbound webhooks tenant");
        sender = new InboundSender(port);
        jdbc = context().getBean(JdbcClient.class);
    }

    @Test
    void aCorrectlySignedMessageIsAcceptedStoredAndPublishedAsWebhookReceived() {
        Source source = createSource("payments");
        String body = "{\"kind\":\"payment.settled\",\"amount\":\"12.50\"}";
        String webhookId = "msg_" + UUID.randomUUID();

        ApiClient.Response accepted = sender.signed(source.id, source.secret, webhookId, now(), body);

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.text("messageId")).isEqualTo(webhookId);
        assertThat(accepted.header("RateLimit-Limit")).as("the anonymous rate limit applies").isNotNull();
        assertThat(messages(source.id)).isEqualTo(1);
        String payload = jdbc.sql("SELECT payload::text FROM outbox_events WHERE tenant_id = :t AND event_type = :type "
                        + "AND aggregate_type = :agg AND aggregate_id = :id")
                .param("t", own.id()).param("type", DomainEvents.WEBHOOK_RECEIVED)
                .param("agg", DomainEvents.AGGREGATE_WEBHOOK_SOURCE).param("id", source.id)
                .query(String.class).single();
        JsonNode event = JSON.readTree(payload);
        assertThat(event.get("type").asString()).isEqualTo("webhook.received");
        assertThat(event.get("tenantId").asString()).isEqualTo(own.id());
        JsonNode subject = event.get("webhook");
        assertThat(subject.get("sourceId").asString()).isEqualTo(source.id);
        assertThat(subject.get("sourceName").asString()).isEqualTo("payments");
        assertThat(subject.get("webhookId").asString()).isEqualTo(webhookId);
        assertThat(subject.get("body").get("amount").asString()).as("a JSON body is kept as JSON").isEqualTo("12.50");

        JsonNode listed = own.api().get("/api/v1/webhooks/inbound-sources/" + source.id + "/messages").body();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("webhookId").asString()).isEqualTo(webhookId);
        assertThat(listed.get("items").get(0).get("body").asString()).isEqualTo(body);
    }

    @Test
    void aBodyThatIsNotJsonIsAcceptedAndCarriedAsText() {
        Source source = createSource("plain");
        ApiClient.Response accepted = sender.signed(source.id, source.secret, "msg_plain", now(), "hello, world",
                "text/plain");
        assertThat(accepted.status()).isEqualTo(202);
        String body = jdbc.sql("SELECT payload -> 'webhook' ->> 'body' FROM outbox_events WHERE aggregate_id = :id")
                .param("id", source.id).query(String.class).single();
        assertThat(body).isEqualTo("hello, world");
    }

    @Test
    void aSignedBodyWithANulCharacterIsRefusedAsInvalidAndStoresNothing() {
        Source source = createSource("nul");
        for (String body : List.of("{\"note\":\"a\u0000b\"}", "{\"note\":\"a\\u0000b\"}")) {
            ApiClient.Response refused = sender.signed(source.id, source.secret, "msg_nul_" + body.length(), now(), body);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().get("details").get(0).path("field").asString()).isEqualTo("body");
        }
        assertThat(messages(source.id)).isZero();
        assertThat(events(source.id)).isZero();
    }

    @Test
    void theSameMessageAgainIsRefusedAsReplayedAndStoredOnce() {
        Source source = createSource("replays");
        long at = now();
        assertThat(sender.signed(source.id, source.secret, "msg_once", at, "{\"n\":1}").status()).isEqualTo(202);

        ApiClient.Response again = sender.signed(source.id, source.secret, "msg_once", at, "{\"n\":1}");
        ApiClient.Response resigned = sender.signed(source.id, source.secret, "msg_once", at + 1, "{\"n\":2}");

        for (ApiClient.Response replay : List.of(again, resigned)) {
            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.text("code")).isEqualTo("WEBHOOK_REPLAYED");
        }
        assertThat(messages(source.id)).isEqualTo(1);
        assertThat(events(source.id)).isEqualTo(1);
    }

    @Test
    void concurrentReplaysAcceptExactlyOne() throws Exception {
        Source source = createSource("racers");
        long at = now();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> send = () -> sender.signed(source.id, source.secret, "msg_race", at, "{}").status();
                answers.add(pool.submit(send));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get(30, TimeUnit.SECONDS));
            assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(messages(source.id)).isEqualTo(1);
        assertThat(events(source.id)).isEqualTo(1);
    }

    @Test
    void messagesThatDoNotVerifyAreRefusedAndStoreNothing() {
        Source source = createSource("strict");
        Source other = createSource("other");
        String body = "{\"a\":1}";
        long now = now();
        String good = StandardWebhooks.sign(source.secret, "msg_x", now, body.getBytes());

        assertRefused(sender.post(source.id, body, "webhook-id", "msg_x", "webhook-timestamp", Long.toString(now),
                "webhook-signature", "v1,bm90IHRoZSBzaWduYXR1cmU="), "webhook-signature", "SIGNATURE_MISMATCH");
        assertRefused(sender.signed(source.id, other.secret, "msg_x", now, body), "webhook-signature", "SIGNATURE_MISMATCH");
        assertRefused(sender.signed(source.id, source.secret, "msg_x", now - 360, body),
                "webhook-timestamp", "TIMESTAMP_OUT_OF_TOLERANCE");
        assertRefused(sender.signed(source.id, source.secret, "msg_x", now + 360, body),
                "webhook-timestamp", "TIMESTAMP_OUT_OF_TOLERANCE");
        assertRefused(sender.post(source.id, body, "webhook-timestamp", Long.toString(now), "webhook-signature", good),
                "webhook-id", "MISSING_HEADERS");
        assertRefused(sender.post(source.id, body, "webhook-id", "msg_x", "webhook-signature", good),
                "webhook-timestamp", "MISSING_HEADERS");
        assertRefused(sender.post(source.id, body, "webhook-id", "msg_x", "webhook-timestamp", Long.toString(now)),
                "webhook-signature", "MISSING_HEADERS");
        assertRefused(sender.post(source.id, body, "webhook-id", "msg_x", "webhook-timestamp", "yesterday",
                "webhook-signature", good), "webhook-timestamp", "MALFORMED_TIMESTAMP");
        assertRefused(sender.post(source.id, "{\"a\":2}", "webhook-id", "msg_x", "webhook-timestamp", Long.toString(now),
                "webhook-signature", good), "webhook-signature", "SIGNATURE_MISMATCH");
        assertRefused(sender.post(source.id, "{ \"a\":1}", "webhook-id", "msg_x", "webhook-timestamp", Long.toString(now),
                "webhook-signature", good), "webhook-signature", "SIGNATURE_MISMATCH");

        assertThat(messages(source.id)).isZero();
        assertThat(events(source.id)).isZero();
        assertThat(sender.signed(source.id, source.secret, "msg_x", now, body).status())
                .as("the refusals used nothing up: the genuine message is still accepted").isEqualTo(202);
    }

    @Test
    void anUnknownDeletedOrMalformedSourceIsNotFound() {
        Source source = createSource("short-lived");
        assertThat(own.api().delete("/api/v1/webhooks/inbound-sources/" + source.id).status()).isEqualTo(204);
        for (String id : List.of(UUID.randomUUID().toString(), source.id, "not-a-uuid")) {
            ApiClient.Response answer = sender.signed(id, source.secret, "msg_" + id, now(), "{}");
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.text("code")).isEqualTo("NOT_FOUND");
        }
        assertThat(messages(source.id)).isZero();
    }

    @Test
    void sourcesAreCreatedListedAndDeletedWithTheSecretShownOnceAndStoredSealed() {
        Source source = createSource("crm");
        assertThat(source.secret).startsWith("whsec_");
        assertThat(source.receiveUrl).endsWith("/api/v1/webhooks/inbound/" + source.id);
        String sealed = jdbc.sql("SELECT secret_sealed FROM webhook_inbound_sources WHERE id = :id")
                .param("id", UUID.fromString(source.id)).query(String.class).single();
        assertThat(sealed).doesNotContain(source.secret).doesNotContain(source.secret.substring("whsec_".length()));

        ApiClient.Response list = own.api().get("/api/v1/webhooks/inbound-sources");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().toString()).contains(source.id).contains("crm").doesNotContain(source.secret)
                .doesNotContain("\"secret\"");
        ApiClient.Response duplicate = own.api().post("/api/v1/webhooks/inbound-sources", "{\"name\":\"crm\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(own.api().post("/api/v1/webhooks/inbound-sources", "{\"name\":\" \"}").status()).isEqualTo(400);

        assertThat(own.api().delete("/api/v1/webhooks/inbound-sources/" + source.id).status()).isEqualTo(204);
        assertThat(own.api().delete("/api/v1/webhooks/inbound-sources/" + source.id).status()).isEqualTo(404);
        assertThat(own.api().get("/api/v1/webhooks/inbound-sources").body().toString()).doesNotContain(source.id);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action LIKE 'webhook.inbound_source.%'")
                .param("t", own.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anotherTenantsSourcesCanNeitherBeSeenNorUsedNorDeleted() {
        Source source = createSource("private");
        assertThat(sender.signed(source.id, source.secret, "msg_p", now(), "{}").status()).isEqualTo(202);
        ApiClient other = ownTenant("inbx", "Other inbound tenant").api();

        assertThat(other.get("/api/v1/webhooks/inbound-sources").body().toString()).doesNotContain(source.id);
        assertThat(other.get("/api/v1/webhooks/inbound-sources/" + source.id + "/messages").status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/webhooks/inbound-sources/" + source.id).status()).isEqualTo(404);
        assertThat(own.api().get("/api/v1/webhooks/inbound-sources/" + source.id + "/messages").body().get("items"))
                .hasSize(1);
    }

    private void assertRefused(ApiClient.Response answer, String field, String reason) {
        assertThat(answer.status()).as(reason + ": " + answer.body()).isEqualTo(401);
        assertThat(answer.text("code")).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(answer.body().get("details").get(0).get("field").asString()).isEqualTo(field);
        assertThat(answer.body().get("details").get(0).get("problem").asString()).isEqualTo(reason);
    }

    private record Source(String id, String secret, String receiveUrl) {}

    private Source createSource(String name) {
        ApiClient.Response created = own.api().post("/api/v1/webhooks/inbound-sources", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new Source(created.text("id"), created.text("secret"), created.text("receiveUrl"));
    }

    private int messages(String sourceId) {
        return jdbc.sql("SELECT count(*) FROM webhook_inbound_messages WHERE source_id = :id")
                .param("id", UUID.fromString(sourceId)).query(Integer.class).single();
    }

    private int events(String sourceId) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_type = :agg AND aggregate_id = :id")
                .param("agg", DomainEvents.AGGREGATE_WEBHOOK_SOURCE).param("id", sourceId).query(Integer.class).single();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
