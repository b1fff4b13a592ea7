package io.oms.ib.client;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides whether new orders may go out. DOWN while there is no ready session or IB reports 1100; SYNCING
 * from every ready session and every restored IB link until that epoch's re-sync reports done; OPEN
 * for a cool-down once the session dropped threshold times within the window (a flapping session would
 * otherwise accept orders it then loses track of); HALF_OPEN after the cool-down until one successful
 * round trip (an order ack or a liveness answer) closes it; a disconnect while half-open re-opens it.
 * Thread-safe; the clock is injected for tests.
 */
final class CircuitBreaker {
    private final int threshold;
    private final Duration window;
    private final Duration coolDown;
    private final InstantSource clock;
    private final ArrayDeque<Instant> disconnects = new ArrayDeque<>();
    private boolean sessionUp;
    private boolean venueUp = true;
    private boolean stopped;
    private String downReason = "not connected yet";
    private Instant trippedAt; // null = not tripped
    private ConnectorState lastState;
    private Instant since;
    private ConnectorState reported;
    private boolean syncing;
    /** Which re-sync may end SYNCING: only the latest (a newer session or restore supersedes older ones). */
    private long syncEpoch;

    CircuitBreaker(int threshold, Duration window, Duration coolDown, InstantSource clock) {
        if (threshold < 1) throw new IllegalArgumentException("threshold must be >= 1");
        this.threshold = threshold;
        this.window = window;
        this.coolDown = coolDown;
        this.clock = clock;
        this.since = clock.instant();
    }

    /**
     * A fresh session is ready; IB re-announces 1100 on it if its own link is still down. Orders wait for
     * its re-sync, whose epoch is returned (entering SYNCING here, not in a second call, leaves no moment
     * in which a caller could see the new session UP before its sync).
     */
    synchronized long sessionUp() {
        sessionUp = true;
        venueUp = true;
        return startSync();
    }

    synchronized void sessionDown(String reason) {
        if (!sessionUp) return;
        sessionUp = false;
        downReason = "session lost: " + reason;
        Instant now = clock.instant();
        disconnects.addLast(now);
        prune(now);
        boolean halfOpen = trippedAt != null && !now.isBefore(trippedAt.plus(coolDown));
        if (halfOpen || disconnects.size() >= threshold) trippedAt = now;
    }

    synchronized void venueDown(String reason) {
        venueUp = false;
        downReason = "IB reports connectivity lost: " + reason;
    }

    /** IB's link is back (1101/1102): anything may have happened meanwhile, so orders wait for a re-sync too. */
    synchronized long venueUp() {
        venueUp = true;
        return startSync();
    }

    /** The re-sync of that epoch finished; returns false (and changes nothing) if a later one superseded it. */
    synchronized boolean synced(long epoch) {
        if (epoch != syncEpoch || !syncing) return false;
        syncing = false;
        return true;
    }

    synchronized boolean syncing() { return syncing; }

    /** A round trip succeeded; closes a half-open breaker. */
    synchronized void success() {
        if (state(clock.instant()) == ConnectorState.HALF_OPEN) {
            trippedAt = null;
            disconnects.clear();
        }
    }

    synchronized void stop() { stopped = true; }

    synchronized ConnectorHealth health() {
        Instant now = clock.instant();
        prune(now);
        ConnectorState s = state(now);
        if (s != lastState) {
            lastState = s;
            since = now;
        }
        return new ConnectorHealth(s, reason(s), since, sessionUp, venueUp, disconnects.size());
    }

    /** The current health if its state differs from the one last returned here (for change notifications). */
    synchronized Optional<ConnectorHealth> changed() {
        ConnectorHealth h = health();
        if (h.state() == reported) return Optional.empty();
        reported = h.state();
        return Optional.of(h);
    }

    /** Hands a change (if any) to the sink while holding the lock, so sinks see changes in the order they happened. */
    synchronized void reportChange(Consumer<ConnectorHealth> sink) { changed().ifPresent(sink); }

    private ConnectorState state(Instant now) {
        if (stopped) return ConnectorState.STOPPED;
        if (!sessionUp || !venueUp) return ConnectorState.DOWN;
        // OPEN outranks SYNCING: both refuse orders, and OPEN says until when.
        if (trippedAt != null && now.isBefore(trippedAt.plus(coolDown))) return ConnectorState.OPEN;
        if (syncing) return ConnectorState.SYNCING;
        return trippedAt == null ? ConnectorState.UP : ConnectorState.HALF_OPEN;
    }

    private long startSync() {
        syncing = true;
        return ++syncEpoch;
    }

    private String reason(ConnectorState s) {
        return switch (s) {
            case UP -> "session ready";
            case DOWN -> downReason;
            case SYNCING -> "re-syncing open orders, completed orders and executions after (re)connect";
            case OPEN -> disconnects.size() + " disconnects within " + window + "; refusing orders until "
                    + trippedAt.plus(coolDown);
            case HALF_OPEN -> "cool-down over; waiting for a successful round trip";
            case STOPPED -> "connector closed";
        };
    }

    private void prune(Instant now) {
        while (!disconnects.isEmpty() && disconnects.peekFirst().isBefore(now.minus(window))) disconnects.pollFirst();
    }
}
