package io.oms.ib.client;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Collects the per-connection counters behind {@link ConnectionMetrics}. Plain Java, bounded memory:
 * a ring of the last N ack latencies and per-second buckets for the message rates. Thread-safe.
 */
final class MetricsRecorder {
    static final int RATE_WINDOW_SECONDS = 10;

    private final InstantSource wall;
    private final LongSupplier nanos;
    private final long[] latencies;
    private final RateWindow outbound;
    private final RateWindow inbound;
    private int latencyCount;
    private int latencyNext;
    private Instant lastConnect;
    private long connects;
    private long disconnects;
    private long placements;
    private long acks;
    private long rejects;
    /** nanos of the last inbound frame (of any session), or of construction. */
    private volatile long lastInbound;

    MetricsRecorder(InstantSource wall, LongSupplier nanos, int latencyWindow) {
        this.wall = wall;
        this.nanos = nanos;
        this.latencies = new long[latencyWindow];
        this.outbound = new RateWindow(RATE_WINDOW_SECONDS, nanos);
        this.inbound = new RateWindow(RATE_WINDOW_SECONDS, nanos);
        this.lastInbound = nanos.getAsLong();
    }

    synchronized void connected() { lastConnect = wall.instant(); connects++; }

    synchronized void disconnected() { disconnects++; }

    synchronized void placed() { placements++; }

    synchronized void acknowledged(long latencyNanos, boolean rejected) {
        acks++;
        if (rejected) rejects++;
        latencies[latencyNext] = latencyNanos;
        latencyNext = (latencyNext + 1) % latencies.length;
        latencyCount = Math.min(latencyCount + 1, latencies.length);
    }

    void outbound() { outbound.add(); }

    void inbound() {
        lastInbound = nanos.getAsLong();
        inbound.add();
    }

    /** How long nothing has been received, in nanos. */
    long quietNanos() { return nanos.getAsLong() - lastInbound; }

    long now() { return nanos.getAsLong(); }

    synchronized ConnectionMetrics snapshot(int queued) {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        return new ConnectionMetrics(lastConnect, connects, disconnects, placements, acks, rejects,
                acks == 0 ? 0 : (double) rejects / acks, percentile(sorted, 50), percentile(sorted, 99), latencyCount,
                outbound.perSecond(), inbound.perSecond(), queued);
    }

    /** Nearest-rank percentile; null without samples. */
    static Duration percentile(long[] sorted, int p) {
        if (sorted.length == 0) return null;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }

    /** Counts per whole second over the last {@code seconds} seconds, the current one included. */
    static final class RateWindow {
        private final long[] counts;
        private final long[] secondOf;
        private final LongSupplier nanos;

        RateWindow(int seconds, LongSupplier nanos) {
            this.counts = new long[seconds];
            this.secondOf = new long[seconds];
            Arrays.fill(secondOf, Long.MIN_VALUE);
            this.nanos = nanos;
        }

        synchronized void add() {
            long sec = Math.floorDiv(nanos.getAsLong(), 1_000_000_000L);
            int i = (int) Math.floorMod(sec, (long) counts.length);
            if (secondOf[i] != sec) {
                secondOf[i] = sec;
                counts[i] = 0;
            }
            counts[i]++;
        }

        synchronized double perSecond() {
            long sec = Math.floorDiv(nanos.getAsLong(), 1_000_000_000L);
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                if (secondOf[i] > sec - counts.length) sum += counts[i];
            }
            return (double) sum / counts.length;
        }
    }
}
