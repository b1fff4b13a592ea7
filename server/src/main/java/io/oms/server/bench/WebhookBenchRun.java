package io.oms.server.bench;

import io.oms.infra.persistence.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One measured run: writes the events to the outbox (each in its own transaction, paced), waits for every endpoint
 * to have received each of them (bounded), then computes the lags from the outbox rows' created_at.
 */
final class WebhookBenchRun {
    private static final long POLL_MILLIS = 20;

    /** The lags of one run, whether every delivery arrived, and how many arrived out of their order's order. */
    record Result(RoundTrips lags, boolean complete, long missing, long repeats, long outOfOrder, double writeSeconds) {
        String summary() {
            return String.format(Locale.ROOT, "events written in %.2f s; missing %d, redelivered %d, out of order %d",
                    writeSeconds, missing, repeats, outOfOrder);
        }
    }

    private final WebhookBenchOptions opts;
    private final JdbcClient jdbc;
    private final WebhookBenchReceiver receiver;
    private final String runId;

    WebhookBenchRun(WebhookBenchOptions opts, JdbcClient jdbc, WebhookBenchReceiver receiver, String runId) {
        this.opts = opts;
        this.jdbc = jdbc;
        this.receiver = receiver;
        this.runId = runId;
    }

    Result run() {
        receiver.reset();
        OutboxRepository outbox = new OutboxRepository(jdbc);
        List<UUID> events = new ArrayList<>(opts.events());
        Map<String, String> orderOf = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < opts.events(); i++) {
            if (opts.rate() > 0) {
                long due = start + (long) (i * 1e9 / opts.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
            }
            String order = "bench-wh-" + runId + "-" + (i / opts.eventsPerOrder());
            UUID id = outbox.appendEvent(opts.tenant(), "order", order, type(i % opts.eventsPerOrder()), Instant.now(),
                    "order", "{\"id\":\"" + order + "\",\"seq\":" + (i % opts.eventsPerOrder()) + "}");
            events.add(id);
            orderOf.put(id.toString(), order);
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) events.size() * opts.endpoints();
        long deadline = System.nanoTime() + Duration.ofSeconds(opts.timeoutSeconds()).toNanos();
        while (receiver.firsts() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
        }
        return measure(events, orderOf, expected, writeSeconds);
    }

    private Result measure(List<UUID> events, Map<String, String> orderOf, long expected, double writeSeconds) {
        Map<String, Instant> createdAt = new HashMap<>();
        jdbc.sql("SELECT event_id, created_at FROM outbox_events WHERE event_id = ANY (CAST(string_to_array(:ids, ',') AS uuid[]))")
                .param("ids", String.join(",", events.stream().map(UUID::toString).toList()))
                .query(rs -> {
                    createdAt.put(rs.getString("event_id"), rs.getTimestamp("created_at").toInstant());
                });
        List<RoundTrips.Outcome> lags = new ArrayList<>((int) expected);
        Instant first = createdAt.values().stream().min(Instant::compareTo).orElseThrow();
        Instant last = first;
        for (int e = 0; e < opts.endpoints(); e++) {
            for (UUID id : events) {
                Instant arrived = receiver.firstArrival(e, id.toString());
                if (arrived == null) continue;
                if (arrived.isAfter(last)) last = arrived;
                lags.add(new RoundTrips.Outcome(Duration.between(createdAt.get(id.toString()), arrived).toNanos(), 204, null));
            }
        }
        Map<String, Integer> written = new HashMap<>();
        for (int i = 0; i < events.size(); i++) written.put(events.get(i).toString(), i);
        long outOfOrder = 0;
        for (int e = 0; e < opts.endpoints(); e++) {
            Map<String, Integer> lastSeen = new HashMap<>();
            for (String id : receiver.arrivalOrder(e)) {
                String order = orderOf.get(id);
                if (order == null) continue;
                Integer previous = lastSeen.put(order, written.get(id));
                if (previous != null && previous > written.get(id)) outOfOrder++;
            }
        }
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        return new Result(RoundTrips.of(lags, seconds), lags.size() == expected, expected - lags.size(),
                receiver.repeats(), outOfOrder, writeSeconds);
    }

    private String type(int seq) {
        if (seq == 0) return "order.created";
        if (seq == opts.eventsPerOrder() - 1) return "order.filled";
        return seq == 1 ? "order.routed" : "order.partially_filled";
    }
}
