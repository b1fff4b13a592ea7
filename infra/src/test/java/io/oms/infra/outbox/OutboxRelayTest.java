package io.oms.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.OutboxRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against the real outbox table: order, at-least-once delivery, one relay at a time. */
class OutboxRelayTest {
    private static final int MAX_PASSES = 200;

    private final TestDb db = TestDb.get();
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final InProcessEventBus bus = new InProcessEventBus();
    private final OutboxRelay relay = new OutboxRelay(db.tx, db.jdbc, outbox, bus, 50, Clock.systemUTC());
    private final String tenant = db.newTenant();
    /** What this test's tenant received; other tests' events in the shared table are ignored. */
    private final List<OutboxEvent> received = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

    @AfterEach
    void unsubscribe() throws Exception {
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
    }

    private void subscribe(InProcessEventBus to, EventSubscriber subscriber) {
        subscriptions.add(to.subscribe(e -> {
            if (tenant.equals(e.tenantId())) {
                subscriber.onEvent(e);
            }
        }));
    }

    private List<UUID> appendEvents(int n) {
        return db.tx.execute(s -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> outbox.append(tenant, "order", "o-" + (i % 2), "order.e" + i, "{\"i\": " + i + "}"))
                .toList());
    }

    /** Runs passes until this tenant's events are all published (the table may hold other tests' backlog). */
    private void drain(OutboxRelay r) {
        for (int i = 0; i < MAX_PASSES && outbox.listAfter(tenant, 0, 1000).stream().anyMatch(e -> e.publishedAt() == null); i++) {
            r.runOnce();
        }
    }

    @Test
    void publishesEveryEventOnceInIdOrder() {
        subscribe(bus, received::add);
        List<UUID> written = appendEvents(5);

        drain(relay);
        relay.runOnce();

        assertThat(received).extracting(OutboxEvent::eventId).containsExactlyElementsOf(written);
        assertThat(received).extracting(OutboxEvent::id).isSorted();
        assertThat(outbox.listAfter(tenant, 0, 100)).allSatisfy(e -> assertThat(e.publishedAt()).isNotNull());
    }

    @Test
    void aFailingSubscriberGetsTheEventAgainAndLaterEventsWait() {
        List<UUID> written = appendEvents(3);
        AtomicBoolean failedOnce = new AtomicBoolean();
        subscribe(bus, e -> {
            received.add(e);
            if (e.eventId().equals(written.get(1)) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("subscriber down");
            }
        });

        RelayBatch failed = null;
        for (int i = 0; i < MAX_PASSES && !failedOnce.get(); i++) {
            failed = relay.runOnce();
        }
        assertThat(failed).isNotNull();
        assertThat(failed.failed()).isTrue();
        List<OutboxEvent> stored = outbox.listAfter(tenant, 0, 100);
        assertThat(stored.get(0).publishedAt()).isNotNull();
        assertThat(stored.get(1).publishedAt()).isNull();
        assertThat(stored.get(2).publishedAt()).isNull();
        assertThat(db.jdbc.sql("SELECT publish_attempts || ' ' || last_error FROM outbox_events WHERE event_id = :id")
                .param("id", written.get(1)).query(String.class).single()).isEqualTo("1 java.lang.IllegalStateException: subscriber down");

        drain(relay);

        assertThat(received).extracting(OutboxEvent::eventId)
                .containsExactly(written.get(0), written.get(1), written.get(1), written.get(2));
        assertThat(outbox.listAfter(tenant, 0, 100)).allSatisfy(e -> assertThat(e.publishedAt()).isNotNull());
    }

    @Test
    void aSecondRelayPublishesNothingWhileTheFirstHoldsTheLock() throws Exception {
        List<UUID> written = appendEvents(2);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        subscribe(bus, e -> {
            received.add(e);
            inside.countDown();
            await(release);
        });
        InProcessEventBus otherBus = new InProcessEventBus();
        List<OutboxEvent> otherReceived = new CopyOnWriteArrayList<>();
        subscribe(otherBus, otherReceived::add);
        OutboxRelay other = new OutboxRelay(db.tx, db.jdbc, outbox, otherBus, 50, Clock.systemUTC());

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> drain(relay));
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).as("first relay reached a subscriber").isTrue();
            RelayBatch second = other.runOnce();
            assertThat(second.lockHeld()).isFalse();
            assertThat(second.published()).isZero();
        } finally {
            release.countDown();
        }
        first.get(60, TimeUnit.SECONDS);

        assertThat(otherReceived).isEmpty();
        assertThat(received).extracting(OutboxEvent::eventId).containsExactlyElementsOf(written);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
