package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.webhook.WebhookEndpointRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints through the API: created with a secret shown once and stored sealed, listed and read without
 * it, replaced (If-Match optional, a stale one refused), deleted; bad input and a full quota change nothing.
 */
class WebhookEndpointsEndToEndTest extends EndToEndTest {
    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final String BODY = "{\"url\":\"https://hooks.example.com/oms\",\"eventTypes\":[\"order.filled\","
            + "\"order.canceled\"],\"description\":\"fills\"}";

    @Autowired
    private JdbcClient jdbc;

    private OwnTenant own;

    @BeforeEach
    void ownTenant() {
        own = ownTenant("whk", "Webhook endpoints tenant");
    }

    @Test
    void aCreatedEndpointShowsItsSecretOnceAndStoresItSealed() {
        ApiClient.Response created = own.api().post(WEBHOOKS, BODY);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.text("url")).isEqualTo("https://hooks.example.com/oms");
        assertThat(created.body().get("eventTypes").toString()).isEqualTo("[\"order.filled\",\"order.canceled\"]");
        assertThat(created.body().path("active").asBoolean()).isTrue();
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        ApiClient.Response read = own.api().get(WEBHOOKS + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.body().has("secret")).isFalse();
        assertThat(read.body().toString()).doesNotContain(secret);
        JsonNode listed = own.api().get(WEBHOOKS).body().get("items");
        assertThat(listed.findValuesAsString("id")).containsExactly(id);
        assertThat(listed.toString()).doesNotContain(secret).doesNotContain("\"secret\"");

        String stored = jdbc.sql("SELECT secret_sealed FROM webhook_endpoints WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single();
        String key = secret.substring("whsec_".length());
        assertThat(stored).isNotBlank().doesNotContain(key).isNotEqualTo(secret);

        JsonNode audited = own.api().get("/api/v1/audit?action=webhook.endpoint.create").body().get("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("resourceId").asString()).isEqualTo(id);
        assertThat(audited.toString()).doesNotContain(key);
    }

    @Test
    void anEndpointIsReplacedAndAStaleIfMatchIsRefused() {
        String id = own.api().post(WEBHOOKS, BODY).text("id");
        String replacement = "{\"url\":\"https://hooks.example.com/v2\",\"eventTypes\":[\"*\"],\"active\":false}";

        ApiClient.Response replaced = own.api().call("PUT", WEBHOOKS + "/" + id, replacement, "If-Match", "\"1\"");
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.text("url")).isEqualTo("https://hooks.example.com/v2");
        assertThat(replaced.body().get("eventTypes").toString()).isEqualTo("[\"*\"]");
        assertThat(replaced.body().path("active").asBoolean()).isFalse();
        assertThat(replaced.text("description")).as("a PUT replaces every field").isNull();

        ApiClient.Response stale = own.api().call("PUT", WEBHOOKS + "/" + id, BODY, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(own.api().get(WEBHOOKS + "/" + id).text("url")).as("unchanged").isEqualTo("https://hooks.example.com/v2");

        ApiClient.Response unconditional = own.api().put(WEBHOOKS + "/" + id, BODY);
        assertThat(unconditional.status()).as("If-Match is optional").isEqualTo(200);
        assertThat(unconditional.header("ETag")).isEqualTo("\"3\"");
        assertThat(own.api().get("/api/v1/audit?action=webhook.endpoint.update").body().get("items")).hasSize(2);
    }

    @Test
    void aDeletedEndpointIsGone() {
        String id = own.api().post(WEBHOOKS, BODY).text("id");
        assertThat(own.api().delete(WEBHOOKS + "/" + id).status()).isEqualTo(204);
        assertThat(own.api().get(WEBHOOKS + "/" + id).status()).isEqualTo(404);
        assertThat(own.api().delete(WEBHOOKS + "/" + id).status()).isEqualTo(404);
        assertThat(own.api().get(WEBHOOKS).body().get("items")).isEmpty();
        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL AND NOT active FROM webhook_endpoints WHERE id = :id")
                .param("id", UUID.fromString(id)).query(Boolean.class).single()).as("soft-deleted").isTrue();
        assertThat(own.api().get("/api/v1/audit?action=webhook.endpoint.delete").body().get("items")).hasSize(1);
    }

    @Test
    void badEndpointsAreRefusedWithTheirFieldsAndNothingIsStored() {
        List<String[]> cases = List.of(
                new String[] {"{\"url\":\"not a url\",\"eventTypes\":[\"order.filled\"]}", "url"},
                new String[] {"{\"url\":\"ftp://hooks.example.com\",\"eventTypes\":[\"order.filled\"]}", "url"},
                new String[] {"{\"url\":\"https://127.0.0.1:8443/hook\",\"eventTypes\":[\"order.filled\"]}", "url"},
                new String[] {"{\"url\":\"https://localhost/hook\",\"eventTypes\":[\"order.filled\"]}", "url"},
                new String[] {"{\"url\":\"http://hooks.example.com/hook\",\"eventTypes\":[\"order.filled\"]}", "url"},
                new String[] {"{\"url\":\"https://hooks.example.com\",\"eventTypes\":[\"order.exploded\"]}", "eventTypes[0]"},
                new String[] {"{\"url\":\"https://hooks.example.com\",\"eventTypes\":[\"webhook.received\"]}", "eventTypes[0]"},
                new String[] {"{\"url\":\"https://hooks.example.com\",\"eventTypes\":[]}", "eventTypes"},
                new String[] {"{\"url\":\"https://hooks.example.com\"}", "eventTypes"},
                new String[] {"{\"eventTypes\":[\"*\"]}", "url"});
        for (String[] c : cases) {
            ApiClient.Response refused = own.api().post(WEBHOOKS, c[0]);
            assertThat(refused.status()).as(c[0]).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().get("details").findValuesAsString("field")).as(c[0]).contains(c[1]);
        }
        String id = own.api().post(WEBHOOKS, BODY).text("id");
        ApiClient.Response badPut = own.api().put(WEBHOOKS + "/" + id, cases.get(2)[0]);
        assertThat(badPut.status()).isEqualTo(400);
        assertThat(own.api().get(WEBHOOKS + "/" + id).text("url")).isEqualTo("https://hooks.example.com/oms");
        assertThat(endpointCount()).as("only the good one").isEqualTo(1);
        assertThat(own.api().get("/api/v1/audit?action=webhook.endpoint.create").body().get("items")).hasSize(1);
    }

    @Test
    void aPrivateTargetNeedsTheTenantsSetting() {
        String loopback = "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"*\"]}";
        assertThat(own.api().post(WEBHOOKS, loopback).status()).isEqualTo(400);
        assertThat(own.api().put("/api/v1/tenant/webhook-settings", "{\"allowPrivateTargets\":true}").status())
                .isEqualTo(200);
        ApiClient.Response allowed = own.api().post(WEBHOOKS, loopback);
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(201);
        assertThat(endpointCount()).isEqualTo(1);
    }

    @Test
    void theTenantsQuotaOfEndpointsIsEnforced() {
        for (int i = 0; i < WebhookEndpointRepository.MAX_PER_TENANT; i++) {
            assertThat(own.api().post(WEBHOOKS, BODY).status()).isEqualTo(201);
        }
        ApiClient.Response full = own.api().post(WEBHOOKS, BODY);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(endpointCount()).isEqualTo(WebhookEndpointRepository.MAX_PER_TENANT);
    }

    @Test
    void concurrentCreatesCannotPassTheQuotaTogether() throws Exception {
        int room = 2;
        for (int i = 0; i < WebhookEndpointRepository.MAX_PER_TENANT - room; i++) {
            assertThat(own.api().post(WEBHOOKS, BODY).status()).isEqualTo(201);
        }
        int racers = 6;
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> own.api().post(WEBHOOKS, BODY).status()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(room);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(racers - room);
        assertThat(endpointCount()).isEqualTo(WebhookEndpointRepository.MAX_PER_TENANT);
    }

    @Test
    void aRepeatedIdempotencyKeyCreatesOneEndpointAndNeverReplaysItsSecret() {
        String key = uniqueId("whk");
        ApiClient.Response first = own.api().post(WEBHOOKS, BODY, "Idempotency-Key", key);
        ApiClient.Response again = own.api().post(WEBHOOKS, BODY, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.body().has("secret")).as("the secret is shown once, not kept for replays").isFalse();
        String key64 = first.text("secret").substring("whsec_".length());
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE response LIKE :k")
                .param("k", "%" + key64 + "%").query(Integer.class).single()).isZero();
        assertThat(endpointCount()).isEqualTo(1);
        ApiClient.Response other = own.api().post(WEBHOOKS, BODY.replace("fills", "other"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("IDEMPOTENT_REPLAY");
    }

    private int endpointCount() {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE tenant_id = :t").param("t", own.id())
                .query(Integer.class).single();
    }
}
