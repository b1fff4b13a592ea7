package io.oms.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.config.OutboxRelayProperties;
import io.oms.infra.persistence.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxRelayLoopTest {
    private final TestDb db = TestDb.get();
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final String tenant = db.newTenant();

    @Test
    void theLoopPublishesInTheBackgroundRetriesAfterAFailureAndStops() throws Exception {
        InProcessEventBus bus = new InProcessEventBus();
        List<UUID> received = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        CountDownLatch delivered = new CountDownLatch(1);
        bus.subscribe(e -> {
            if (!tenant.equals(e.tenantId())) {
                return;
            }
            received.add(e.eventId());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("first delivery fails");
            }
            delivered.countDown();
        });
        OutboxRelayProperties settings = new OutboxRelayProperties(true, Duration.ofMillis(10), 100,
                Duration.ofMillis(20), Duration.ofMillis(50));
        OutboxRelayLoop loop = new OutboxRelayLoop(new OutboxRelay(db.tx, db.jdbc, outbox, bus, 100, Clock.systemUTC()),
                settings, Clock.systemUTC());
        UUID event = outbox.append(tenant, "order", "o-1", "order.created", "{}");

        loop.start();
        try {
            assertThat(delivered.await(30, TimeUnit.SECONDS)).as("delivered after the retry").isTrue();
        } finally {
            loop.stop();
        }

        assertThat(loop.isRunning()).isFalse();
        assertThat(received).containsExactly(event, event);
        assertThat(outbox.listAfter(tenant, 0, 10)).singleElement().satisfies(e -> assertThat(e.publishedAt()).isNotNull());
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(5);
        assertThat(OutboxRelayLoop.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelayLoop.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelayLoop.backoff(3, initial, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxRelayLoop.backoff(4, initial, max)).isEqualTo(max);
        assertThat(OutboxRelayLoop.backoff(1_000, initial, max)).isEqualTo(max);
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ZERO, 10, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ofMillis(100), 0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ofMillis(100), 10, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .hasMessageContaining("max-retry-backoff");
    }
}
