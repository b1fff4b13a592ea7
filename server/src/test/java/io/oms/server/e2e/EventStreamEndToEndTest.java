package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.security.ApiKeys;
import io.oms.server.e2e.EventStreamClient.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live event stream: the caller's tenant's published events, in publication order with their outbox ids, never
 * another tenant's; a reconnect with Last-Event-ID gets exactly the events it missed; the types filter; refusals.
 */
class EventStreamEndToEndTest extends EndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<EventStreamClient> open = new ArrayList<>();
    private OwnTenant own;
    private JdbcClient jdbc;

    @BeforeEach
    void tenant() {
        own = ownTenant("sse", "Event stream tenant");
        jdbc = context().getBean(JdbcClient.class);
        awaitAllPublished(own.id());
    }

    @AfterEach
    void closeStreams() {
        open.forEach(EventStreamClient::close);
    }

    @Test
    void eventsOfAnOrderPlacedThroughTheApiArriveInPublicationOrderWithTheirIds() {
        EventStreamClient stream = stream(own, "", null);
        assertThat(stream.contentType).startsWith("text/event-stream");
        String orderId = place(own);

        stream.awaitEvents(about(orderId, "order.created"), WAIT);
        awaitAllPublished(own.id());
        List<Event> received = stream.drain(Duration.ofSeconds(1));

        assertThat(ids(received)).as("every published event of the tenant from the first one received, in order")
                .isEqualTo(publishedFrom(own.id(), received.getFirst().id()));
        for (Event event : received) {
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.get("type").asString()).isEqualTo(event.type());
            assertThat(data.get("tenantId").asString()).isEqualTo(own.id());
            assertThat(data.get("eventId").asString()).isNotBlank();
        }
        assertThat(received.stream().filter(e -> e.data().contains(orderId)).map(Event::type))
                .startsWith("order.created");
    }

    @Test
    void anAcceptedInboundWebhookAppearsOnTheStream() {
        EventStreamClient stream = stream(own, "?types=webhook.received", null);
        ApiClient.Response source = own.api().post("/api/v1/webhooks/inbound-sources", "{\"name\":\"to-stream\"}");
        assertThat(source.status()).isEqualTo(201);
        long now = java.time.Instant.now().getEpochSecond();
        assertThat(new InboundSender(port).signed(source.text("id"), source.text("secret"), "msg_streamed", now,
                "{\"hello\":\"stream\"}").status()).isEqualTo(202);

        Event event = stream.awaitEvents(events -> !events.isEmpty(), WAIT).getFirst();

        assertThat(event.type()).isEqualTo("webhook.received");
        JsonNode subject = JSON.readTree(event.data()).get("webhook");
        assertThat(subject.get("webhookId").asString()).isEqualTo("msg_streamed");
        assertThat(subject.get("body").get("hello").asString()).isEqualTo("stream");
    }

    @Test
    void anotherTenantsEventsNeverArrive() {
        OwnTenant other = ownTenant("ssex", "Other event stream tenant");
        EventStreamClient stream = stream(own, "", null);
        String theirs = place(other);
        String ours = place(own);

        stream.awaitEvents(about(ours, "order.created"), WAIT);
        awaitAllPublished(other.id());
        List<Event> received = stream.drain(Duration.ofSeconds(1));

        assertThat(received).allSatisfy(e -> assertThat(JSON.readTree(e.data()).get("tenantId").asString()).isEqualTo(own.id()));
        assertThat(received).noneMatch(e -> e.data().contains(theirs) || e.data().contains(other.id()));
    }

    @Test
    void reconnectingWithLastEventIdDeliversExactlyTheEventsMissedWhileAway() {
        EventStreamClient first = stream(own, "", null);
        String before = place(own);
        first.awaitEvents(about(before, "order.created"), WAIT);
        awaitAllPublished(own.id());
        List<Event> seen = first.drain(Duration.ofMillis(500));
        first.close();
        long last = seen.getLast().id();

        String missedA = place(own);
        String missedB = place(own);
        awaitAllPublished(own.id());
        List<Long> missed = publishedAfter(own.id(), last);

        for (EventStreamClient again : List.of(stream(own, "", Long.toString(last)), stream(own, "?lastEventId=" + last, null))) {
            again.awaitEvents(events -> events.size() >= missed.size(), WAIT);
            List<Event> resumed = again.drain(Duration.ofMillis(500));
            assertThat(ids(resumed).subList(0, missed.size())).as("exactly the missed events, in order").isEqualTo(missed);
            assertThat(ids(resumed)).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ids(seen));
            assertThat(resumed.stream().map(Event::data).toList())
                    .anyMatch(d -> d.contains(missedA)).anyMatch(d -> d.contains(missedB));
        }
    }

    @Test
    void theTypesFilterPassesOnlyTheNamedTypes() {
        EventStreamClient stream = stream(own, "?types=order.created", null);
        String orderId = place(own);
        stream.awaitEvents(about(orderId, "order.created"), WAIT);
        awaitAllPublished(own.id());
        assertThat(stream.drain(Duration.ofSeconds(1))).extracting(Event::type).containsOnly("order.created");

        EventStreamClient.Refusal unknown = EventStreamClient.refused(port, key(own), "?types=order.created,order.teleported", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("details").get(0).get("field").asString()).isEqualTo("types");
    }

    @Test
    void aLastEventIdThatIsNotOneOfTheCallersEventsIsRefused() {
        OwnTenant other = ownTenant("ssey", "Third event stream tenant");
        place(other);
        awaitAllPublished(other.id());
        long theirs = publishedAfter(other.id(), 0).getLast();
        for (String bad : List.of("not-a-number", Long.toString(theirs), "999999999999")) {
            EventStreamClient.Refusal refusal = EventStreamClient.refused(port, key(own), "", bad);
            assertThat(refusal.status()).as(bad).isEqualTo(400);
            JsonNode body = JSON.readTree(refusal.body());
            assertThat(body.get("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("Last-Event-ID");
        }
    }

    @Test
    void aKeyWithoutOrdersViewIsForbidden() {
        String key = context().getBean(ApiKeys.class).create(own.id(), "sse-no-view", List.of("positions:view"));
        EventStreamClient.Refusal refusal = EventStreamClient.refused(port, key, "", null);
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(JSON.readTree(refusal.body()).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aTenantHoldsABoundedNumberOfStreams() {
        for (int i = 0; i < 20; i++) stream(own, "", null);
        EventStreamClient.Refusal refusal = EventStreamClient.refused(port, key(own), "", null);
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(JSON.readTree(refusal.body()).get("code").asString()).isEqualTo("RATE_LIMITED");
    }

    private EventStreamClient stream(OwnTenant tenant, String query, String lastEventId) {
        EventStreamClient stream = EventStreamClient.open(port, key(tenant), query, lastEventId);
        open.add(stream);
        return stream;
    }

    private static String key(OwnTenant tenant) {
        return tenant.api().key();
    }

    private static Predicate<List<Event>> about(String orderId, String type) {
        return events -> events.stream().anyMatch(e -> e.type().equals(type) && e.data().contains(orderId));
    }

    private static List<Long> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    private static String place(OwnTenant tenant) {
        ApiClient.Response placed = tenant.api().post("/api/v1/orders", "{\"account\":\"" + tenant.account()
                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}");
        assertThat(placed.status()).as(placed.body().toString()).isIn(201, 202);
        return placed.text("id");
    }

    /** Waits (bounded) until the relay has published every event of the tenant written so far. */
    private void awaitAllPublished(String tenant) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = :t AND published_at IS NULL")
                .param("t", tenant).query(Integer.class).single() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("events of " + tenant + " still unpublished");
            sleep(50);
        }
    }

    /** The tenant's published event ids from {@code firstId} on, in publication order. */
    private List<Long> publishedFrom(String tenant, long firstId) {
        return jdbc.sql("""
                        SELECT id FROM outbox_events WHERE tenant_id = :t AND published_at IS NOT NULL
                        AND (published_at, id) >= (SELECT published_at, id FROM outbox_events WHERE id = :first)
                        ORDER BY published_at, id""")
                .param("t", tenant).param("first", firstId).query(Long.class).list();
    }

    /** The tenant's published event ids strictly after {@code afterId} (0: all), in publication order. */
    private List<Long> publishedAfter(String tenant, long afterId) {
        return jdbc.sql("""
                        SELECT id FROM outbox_events WHERE tenant_id = :t AND published_at IS NOT NULL
                        AND (published_at, id) > (COALESCE((SELECT published_at FROM outbox_events WHERE id = :after),
                                                           'epoch'::timestamptz), :after)
                        ORDER BY published_at, id""")
                .param("t", tenant).param("after", afterId).query(Long.class).list();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
