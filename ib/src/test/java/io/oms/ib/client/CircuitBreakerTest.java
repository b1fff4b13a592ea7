package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Breaker transitions with a fake clock: DOWN without a session or on 1100, SYNCING until the re-sync of the
 * latest session or restore ends, OPEN when flapping, HALF_OPEN, UP.
 */
class CircuitBreakerTest {
    private Instant now = Instant.parse("2026-03-02T14:30:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), Duration.ofSeconds(30), () -> now);

    private ConnectorState state() { return breaker.health().state(); }

    /** A session whose re-sync ended at once. */
    private void up() { breaker.synced(breaker.sessionUp()); }

    private void flap() {
        up();
        breaker.sessionDown("dropped");
        now = now.plusSeconds(1);
    }

    @Test
    void isDownUntilTheFirstSessionIsReadyThenUp() {
        assertThat(state()).isEqualTo(ConnectorState.DOWN);
        up();
        assertThat(state()).isEqualTo(ConnectorState.UP);
        assertThat(state().acceptsOrders()).isTrue();
    }

    @Test
    void aSingleDisconnectIsDownAndReconnectingBringsItStraightBackUp() {
        up();
        breaker.sessionDown("socket EOF");
        assertThat(breaker.health().reason()).contains("socket EOF");
        assertThat(state()).isEqualTo(ConnectorState.DOWN);
        up();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void ibConnectivityLossRefusesOrdersWithTheSessionUpUntilRestored() {
        up();
        breaker.venueDown("1100 Connectivity between IB and TWS has been lost");
        ConnectorHealth h = breaker.health();
        assertThat(h.state()).isEqualTo(ConnectorState.DOWN);
        assertThat(h.sessionUp()).isTrue();
        assertThat(h.venueUp()).isFalse();
        assertThat(h.reason()).contains("1100");
        breaker.synced(breaker.venueUp());
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void aNewSessionForgetsAConnectivityLossReportedOnTheOldOne() {
        up();
        breaker.venueDown("1100");
        breaker.sessionDown("EOF");
        up();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void thresholdDisconnectsWithinTheWindowOpenItForTheCoolDownEvenWithASessionUp() {
        flap();
        flap();
        up();
        assertThat(state()).as("two drops are below the threshold").isEqualTo(ConnectorState.UP);
        breaker.sessionDown("third");
        up();
        assertThat(state()).isEqualTo(ConnectorState.OPEN);
        assertThat(state().acceptsOrders()).isFalse();
        assertThat(breaker.health().recentDisconnects()).isEqualTo(3);
        now = now.plusSeconds(29);
        assertThat(state()).isEqualTo(ConnectorState.OPEN);
        now = now.plusSeconds(1);
        assertThat(state()).isEqualTo(ConnectorState.HALF_OPEN);
        assertThat(state().acceptsOrders()).isTrue();
        breaker.success();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void disconnectsSpreadWiderThanTheWindowDoNotTripIt() {
        for (int i = 0; i < 5; i++) {
            up();
            breaker.sessionDown("nightly");
            now = now.plusSeconds(31);
        }
        up();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void aDisconnectWhileHalfOpenReopensItAtOnce() {
        flap();
        flap();
        flap();
        now = now.plusSeconds(30);
        up();
        assertThat(state()).isEqualTo(ConnectorState.HALF_OPEN);
        now = now.plusSeconds(120); // the old drops are out of the window
        breaker.sessionDown("again");
        up();
        assertThat(state()).isEqualTo(ConnectorState.OPEN);
    }

    @Test
    void successOutsideHalfOpenChangesNothing() {
        flap();
        flap();
        flap();
        up();
        breaker.success();
        assertThat(state()).isEqualTo(ConnectorState.OPEN);
    }

    @Test
    void reportsEachStateChangeOnceWithItsTime() {
        assertThat(breaker.changed()).hasValueSatisfying(h -> assertThat(h.state()).isEqualTo(ConnectorState.DOWN));
        assertThat(breaker.changed()).isEmpty();
        now = now.plusSeconds(5);
        up();
        assertThat(breaker.changed()).hasValueSatisfying(h -> {
            assertThat(h.state()).isEqualTo(ConnectorState.UP);
            assertThat(h.since()).isEqualTo(now);
        });
        breaker.stop();
        assertThat(breaker.changed()).hasValueSatisfying(h -> assertThat(h.state()).isEqualTo(ConnectorState.STOPPED));
    }

    @Test
    void aReadySessionRefusesOrdersUntilItsResyncEnds() {
        long epoch = breaker.sessionUp();
        assertThat(state()).isEqualTo(ConnectorState.SYNCING);
        assertThat(state().acceptsOrders()).isFalse();
        assertThat(breaker.health().reason()).contains("re-syncing");
        assertThat(breaker.synced(epoch)).isTrue();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void onlyTheLatestResyncEndsSyncingSoALateEarlierOneCannotLetOrdersThrough() {
        long first = breaker.sessionUp();
        breaker.venueDown("1100");
        long restored = breaker.venueUp(); // 1102 while the first sync still runs: a second sync starts
        assertThat(breaker.synced(first)).isFalse();
        assertThat(state()).isEqualTo(ConnectorState.SYNCING);
        breaker.sessionDown("EOF");
        long next = breaker.sessionUp();
        assertThat(breaker.synced(restored)).as("the dead session's sync").isFalse();
        assertThat(state()).isEqualTo(ConnectorState.SYNCING);
        assertThat(breaker.synced(next)).isTrue();
        assertThat(state()).isEqualTo(ConnectorState.UP);
    }

    @Test
    void openOutranksSyncingAndAnUnfinishedSyncHoldsBackHalfOpen() {
        flap();
        flap();
        flap();
        long epoch = breaker.sessionUp();
        assertThat(state()).isEqualTo(ConnectorState.OPEN);
        now = now.plusSeconds(30);
        assertThat(state()).isEqualTo(ConnectorState.SYNCING);
        breaker.synced(epoch);
        assertThat(state()).isEqualTo(ConnectorState.HALF_OPEN);
    }
}
