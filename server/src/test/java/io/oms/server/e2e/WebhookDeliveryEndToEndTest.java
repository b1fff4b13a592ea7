package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.infra.webhook.WebhookSettingsRepository;
import io.oms.workflows.domain.DomainEvents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real orders of the test's own tenant, placed through the API, reach loopback endpoints through the whole path
 * (ledger, outbox, relay, fan-out, dispatcher, delivery workflow): every event of each order arrives at each
 * endpoint in outbox order, and an endpoint that keeps answering 503 does not hold up a healthy one.
 */
class WebhookDeliveryEndToEndTest extends EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired private JdbcClient jdbc;
    @Autowired private WebhookEndpointRepository endpoints;
    @Autowired private WebhookSecrets secrets;
    @Autowired private WebhookSettingsRepository settings;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, List<String>> receivedByPath = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private OwnTenant own;

    @BeforeEach
    void receiverAndTenant() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.createContext("/", this::receive);
        receiver.setExecutor(threads);
        receiver.start();
        own = ownTenant("whd", "Webhook delivery tenant");
        settings.setAllowPrivateTargets(own.id(), true, Instant.now());
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        threads.shutdownNow();
    }

    @Test
    void everyEventOfEachOrderReachesEachEndpointInOutboxOrder() {
        endpoint("/first");
        endpoint("/second");
        List<String> orders = List.of(place(), place(), place());
        List<OrderEvent> events = awaitSettledEvents(orders);

        for (String path : List.of("/first", "/second")) {
            Waits.until(WAIT, path + " received every event", () -> received(path).containsAll(ids(events)));
            for (String order : orders) {
                List<String> sent = events.stream().filter(e -> e.order().equals(order)).map(OrderEvent::eventId).toList();
                assertThat(received(path).stream().filter(sent::contains).distinct().toList())
                        .as("order %s at %s in outbox order", order, path).containsExactlyElementsOf(sent);
            }
        }
    }

    @Test
    void anEndpointAnswering503DoesNotDelayAHealthyOne() {
        UUID failing = endpoint("/unavailable");
        endpoint("/healthy");
        List<OrderEvent> events = awaitSettledEvents(List.of(place()));

        Waits.until(WAIT, "the healthy endpoint received every event", () -> received("/healthy").containsAll(ids(events)));
        List<String> failingStates = jdbc.sql("SELECT state FROM webhook_deliveries WHERE endpoint_id = :e "
                        + "AND CAST(event_id AS text) IN (:events)")
                .param("e", failing).param("events", ids(events)).query(String.class).list();
        assertThat(failingStates).as("the failing endpoint still retrying the order's events")
                .hasSize(events.size()).containsAnyOf("PENDING", "DELIVERING");
        assertThat(received("/unavailable")).as("the failing endpoint was tried").isNotEmpty();
    }

    /** 503 with Retry-After for /unavailable, 204 for everything else; records every webhook-id per path. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            receivedByPath.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(exchange.getRequestHeaders().getFirst("webhook-id"));
            if (path.equals("/unavailable")) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
        }
    }

    private List<String> received(String path) {
        return receivedByPath.getOrDefault(path, List.of());
    }

    private UUID endpoint(String path) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        endpoints.insert(new WebhookEndpoint(id, own.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                null, List.of("*"), true, secrets.sealForEndpoint(id, StandardWebhooks.newSecret()), null, null, 1, now, now));
        return id;
    }

    private String place() {
        ApiClient.Response placed = own.api().post("/api/v1/orders", "{\"account\":\"" + own.account()
                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}");
        assertThat(placed.status()).as(String.valueOf(placed.body())).isIn(201, 202);
        return placed.text("id");
    }

    record OrderEvent(String order, String eventId) {}

    /** The orders' deliverable events in outbox order, once every order is final and its events published. */
    private List<OrderEvent> awaitSettledEvents(List<String> orders) {
        for (String order : orders) {
            own.api().await("/api/v1/orders/" + order, r -> List.of("REJECTED", "FILLED", "CANCELED").contains(r.text("state")),
                    WAIT);
        }
        Waits.until(WAIT, "the orders' events published", () -> jdbc.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = :t "
                + "AND published_at IS NULL").param("t", own.id()).query(Integer.class).single() == 0);
        List<OrderEvent> events = new ArrayList<>();
        jdbc.sql("SELECT aggregate_id, event_id, event_type FROM outbox_events WHERE tenant_id = :t "
                        + "AND aggregate_type = :order AND aggregate_id IN (:orders) ORDER BY id")
                .param("t", own.id()).param("order", DomainEvents.AGGREGATE_ORDER).param("orders", orders)
                .query((rs, n) -> DomainEvents.WEBHOOK_DELIVERABLE.contains(rs.getString("event_type"))
                        ? events.add(new OrderEvent(rs.getString("aggregate_id"), rs.getString("event_id"))) : false)
                .list();
        assertThat(events.stream().map(OrderEvent::order).distinct().toList()).as("events of every order")
                .containsExactlyInAnyOrderElementsOf(orders);
        return events;
    }

    private static List<String> ids(List<OrderEvent> events) {
        return events.stream().map(OrderEvent::eventId).toList();
    }
}
