package io.oms.ib.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The order in which waiting outbound messages may leave, and when: one token bucket in front of every
 * message, and two lanes. URGENT (cancels, the global cancel, the liveness probe) always goes before
 * NORMAL (new orders, requests) when both are waiting, because reducing risk must not queue behind
 * adding it. Each lane is FIFO, which keeps new order ids ascending on the wire (IB answers 103 to an
 * id below one it has seen). Pure logic with an injected clock; the caller serializes access.
 */
final class PacingGate<T> {
    enum Lane { URGENT, NORMAL }

    private final TokenBucket bucket; // null: unpaced (benchmarks)
    private final ArrayDeque<T> urgent = new ArrayDeque<>();
    private final ArrayDeque<T> normal = new ArrayDeque<>();

    private PacingGate(TokenBucket bucket) { this.bucket = bucket; }

    static <T> PacingGate<T> paced(double perSecond, int burst, LongSupplier nanoClock) {
        return new PacingGate<>(new TokenBucket(perSecond, burst, nanoClock));
    }

    static <T> PacingGate<T> unpaced() { return new PacingGate<>(null); }

    void offer(Lane lane, T item) { (lane == Lane.URGENT ? urgent : normal).addLast(item); }

    /** The next item allowed out now (urgent first), or null when nothing waits or no token is left. */
    T poll() {
        if (urgent.isEmpty() && normal.isEmpty()) return null;
        if (bucket != null && !bucket.tryTake()) return null;
        return urgent.isEmpty() ? normal.pollFirst() : urgent.pollFirst();
    }

    /** How long until {@link #poll()} can return something: 0 = now, Long.MAX_VALUE = nothing waits. */
    long nanosUntilReady() {
        if (urgent.isEmpty() && normal.isEmpty()) return Long.MAX_VALUE;
        return bucket == null ? 0 : bucket.nanosUntilToken();
    }

    int waiting() { return urgent.size() + normal.size(); }

    /** Removes and returns the waiting items that match (e.g. expired, or bound to a dead session). */
    List<T> remove(Predicate<T> which) {
        List<T> out = new ArrayList<>();
        for (ArrayDeque<T> q : List.of(urgent, normal)) {
            q.removeIf(t -> {
                if (!which.test(t)) return false;
                out.add(t);
                return true;
            });
        }
        return out;
    }
}
