package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.audit.AuditChainer;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit chain and the domain events of a real order: the relay publishes the order's events in order, the
 * tenant's chain verifies, and the operator's commands are audited with their address and user agent.
 */
class AuditAndEventsEndToEndTest extends EndToEndTest {
    private static final String USER_AGENT = "audit-e2e/1.0 (test)";

    @Autowired
    InProcessEventBus bus;
    @Autowired
    TenantRepository tenants;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    AuditChainer chainer;

    @Test
    void aMarketOrderPublishesItsEventsInOrderAndTheChainVerifies() throws Exception {
        List<OutboxEvent> seen = new CopyOnWriteArrayList<>();
        String id;
        try (AutoCloseable subscription = bus.subscribe(seen::add)) {
            ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("evt"), "AAPL", "BUY", "MKT", "250", null),
                    "User-Agent", USER_AGENT);
            assertThat(placed.status()).isEqualTo(201);
            id = placed.text("id");
            awaitState(id, "FILLED");
            awaitEvent(seen, id, "order.filled");
        }

        // Consumers de-duplicate by event id (delivery is at least once); then the order's events are in order.
        Map<UUID, OutboxEvent> distinct = new LinkedHashMap<>();
        seen.stream().filter(e -> e.aggregateId().equals(id)).forEach(e -> distinct.putIfAbsent(e.eventId(), e));
        List<String> types = distinct.values().stream().map(OutboxEvent::eventType).toList();
        assertThat(types.getFirst()).isEqualTo("order.created");
        assertThat(types.get(1)).isEqualTo("order.routed");
        assertThat(types.getLast()).isEqualTo("order.filled");
        assertThat(types.subList(2, types.size() - 1)).isNotEmpty().containsOnly("order.partially_filled");
        assertThat(distinct.values()).extracting(OutboxEvent::id).isSorted();
        assertThat(distinct.values().stream().toList().getLast().payloadJson()).contains("\"state\": \"FILLED\"");

        ApiClient.Response verified = awaitChained();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("pending").asLong()).isZero();
        assertThat(verified.body().get("ok").asBoolean()).as(verified.body().toString()).isTrue();
        assertThat(verified.body().get("recordsChecked").asLong()).isPositive();
        assertThat(verified.body().get("lastSeq").asLong()).isEqualTo(verified.body().get("recordsChecked").asLong());
        assertThat(verified.body().get("firstBrokenLink").isNull()).isTrue();

        List<JsonNode> trail = auditOf(api, id);
        assertThat(trail).extracting(e -> e.get("action").asString())
                .contains("order.submit", "order.created", "order.routed", "order.filled");
        JsonNode submit = trail.stream().filter(e -> e.get("action").asString().equals("order.submit")).findFirst().orElseThrow();
        assertThat(submit.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(submit.get("userAgent").asString()).isEqualTo(USER_AGENT);
        assertThat(submit.get("actor").asString()).startsWith("api-key:");
        assertThat(submit.get("detail").asString()).isEqualTo("POST /api/v1/orders");
        assertThat(submit.get("after").get("id").asString()).isEqualTo(id);
        assertThat(submit.get("hash").asString()).hasSize(64);
    }

    @Test
    void aCancelIsAuditedAsTheOperatorsCommand() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("acx"), "MSFT", "BUY", "LMT", "3", "1.00"));
        String id = placed.text("id");

        ApiClient.Response canceled = api.post("/api/v1/orders/" + id + "/cancel", "", "User-Agent", USER_AGENT);
        assertThat(canceled.status()).isEqualTo(200);

        JsonNode cancel = auditOf(api, id).stream().filter(e -> e.get("action").asString().equals("order.cancel"))
                .findFirst().orElseThrow();
        assertThat(cancel.get("userAgent").asString()).isEqualTo(USER_AGENT);
        assertThat(cancel.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(cancel.get("after").get("state").asString()).isEqualTo("CANCELED");
    }

    @Test
    void anotherTenantSeesNoneOfTheTrailAndHasItsOwnChain() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("own"), "MSFT", "BUY", "LMT", "1", "1.00"));
        String tenant = "aud" + UUID.randomUUID().toString().substring(0, 8);
        tenants.ensure(tenant, "Audit tenant");
        ApiClient other = api.withKey(apiKeys.create(tenant, "e2e-audit", List.of("*")));

        assertThat(auditOf(other, placed.text("id"))).isEmpty();
        ApiClient.Response verified = other.get("/api/v1/audit/verify");
        assertThat(verified.body().get("ok").asBoolean()).isTrue();
        assertThat(verified.body().get("recordsChecked").asLong()).isZero();
        api.post("/api/v1/orders/" + placed.text("id") + "/cancel", "");
    }

    @Test
    void badListParametersAreFieldErrors() {
        for (String query : List.of("resourceId=x", "limit=0", "limit=501", "limit=many", "cursor=not-a-cursor")) {
            ApiClient.Response bad = api.get("/api/v1/audit?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.text("code")).isEqualTo("VALIDATION_ERROR");
        }
    }

    @Test
    void theListPagesWithItsCursor() {
        ApiClient.Response first = api.get("/api/v1/audit?limit=2");
        assertThat(first.body().get("items")).hasSize(2);
        String next = first.text("next");
        assertThat(next).isNotNull();
        ApiClient.Response second = api.get("/api/v1/audit?limit=2&cursor=" + next);
        // Newest written first by id (UUIDv7), so rows not chained yet are listed too.
        String lastOfFirst = first.body().get("items").get(1).get("id").asString();
        assertThat(second.body().get("items").get(0).get("id").asString()).isLessThan(lastOfFirst);
    }

    private static List<JsonNode> auditOf(ApiClient client, String orderId) {
        ApiClient.Response page = client.get("/api/v1/audit?resourceType=order&resourceId=" + orderId + "&limit=200");
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.body().get("items").forEach(items::add);
        return items;
    }

    /** Runs chainer passes (the background one may hold the lock) until verify reports nothing pending; bounded. */
    private ApiClient.Response awaitChained() throws InterruptedException {
        ApiClient.Response verified = api.get("/api/v1/audit/verify");
        for (int i = 0; i < 200 && verified.body().get("pending").asLong() > 0; i++) {
            if (!chainer.runOnce().ran()) {
                Thread.sleep(50);
            }
            verified = api.get("/api/v1/audit/verify");
        }
        return verified;
    }

    /** Waits (bounded) until the subscriber has seen the order's event of that type. */
    private static void awaitEvent(List<OutboxEvent> seen, String orderId, String type) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (seen.stream().anyMatch(e -> e.aggregateId().equals(orderId) && e.eventType().equals(type))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type + " event for order " + orderId + " within 30 s; seen " + seen.size());
    }
}
