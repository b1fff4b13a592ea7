package io.oms.server.bench;

import static io.oms.server.bench.ReconcileBenchHttp.instant;
import static io.oms.server.bench.ReconcileBenchHttp.text;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One measured run of {@code oms bench reconcile}: wait for SYNCED, drop every socket at the simulator, poll the
 * account's sync view every 20 ms until it is SYNCED again (after the drop), then read the CONNECT run that did it.
 * The session-ready moment is the {@code syncStateAt} of the RECONCILING view the trigger writes when it asks for
 * the run (its detail ends with "reconciliation requested"); it lasts only until the run begins (tens of ms), so
 * a 20 ms poll sees it only sometimes.
 */
final class ReconcileRun {
    static final long POLL_MILLIS = 20;
    static final int RUN_READ_TRIES = 50;

    /**
     * A run's figures in milliseconds; a figure that could not be taken is null. {@code dropToSynced} is measured
     * by the client (monotonic clock); the others subtract server timestamps from the wall-clock moment of the drop
     * (same host, same clock).
     */
    record Figures(Double dropToSynced, Long dropToRunStart, Long dropToReady, Long run, Long runEndToSynced,
                   String status, Map<String, Long> compared, int findings, int repairs, Map<String, Integer> kinds,
                   String error) {
        static Figures failed(String error) {
            return new Figures(null, null, null, null, null, null, Map.of(), 0, 0, Map.of(), error);
        }

        boolean ok() {
            return error == null && "SUCCEEDED".equals(status);
        }
    }

    private final ReconcileBenchHttp http;
    private final Duration timeout;

    ReconcileRun(ReconcileBenchHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    Figures measure() throws InterruptedException {
        if (awaitSynced(null) == null) return Figures.failed("the account was not SYNCED before the drop");
        JsonNode before = http.newestConnectRun();
        String priorRun = before == null ? null : text(before, "id");
        Instant t0 = Instant.now();
        long start = System.nanoTime();
        ReconcileBenchHttp.Answer drop = http.controlPost("/drop");
        if (drop.status() / 100 != 2) return Figures.failed("POST /drop answered " + drop.describe());
        Instant[] readyAt = new Instant[1];
        JsonNode synced = awaitSynced(view -> {
            Instant at = instant(view, "syncStateAt");
            String detail = text(view, "syncDetail");
            if (readyAt[0] == null && "RECONCILING".equals(text(view, "syncState")) && at != null && at.isAfter(t0)
                    && detail != null && detail.contains("reconciliation requested")) {
                readyAt[0] = at;
            }
            return at != null && at.isAfter(t0);
        });
        if (synced == null) return Figures.failed("not SYNCED within " + timeout.toSeconds() + " s of the drop");
        double dropToSynced = (System.nanoTime() - start) / 1e6;
        Instant syncedAt = instant(synced, "syncStateAt");
        JsonNode run = finishedConnectRun(priorRun);
        if (run == null) return Figures.failed("no finished CONNECT run after the drop");
        Instant started = instant(run, "startedAt");
        Instant finished = instant(run, "finishedAt");
        return new Figures(dropToSynced, between(t0, started), between(t0, readyAt[0]),
                between(started, finished), between(finished, syncedAt), text(run, "status"), compared(run),
                run.path("findings").asInt(), run.path("repairs").asInt(), kinds(text(run, "id")), null);
    }

    interface ViewTest {
        boolean accept(JsonNode view);
    }

    /** Polls until the view is SYNCED and passes {@code test} (every view is shown to it); null at the timeout. */
    private JsonNode awaitSynced(ViewTest test) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxPolls = timeout.toMillis() / POLL_MILLIS + 1;
        for (long i = 0; i < maxPolls && System.nanoTime() < deadline; i++) {
            JsonNode view = http.account();
            if (view != null) {
                boolean passes = test == null || test.accept(view);
                if (passes && "SYNCED".equals(text(view, "syncState"))) return view;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }

    /** The newest CONNECT run if it is not {@code priorRun} and has finished; read a few times until it has. */
    private JsonNode finishedConnectRun(String priorRun) throws InterruptedException {
        for (int i = 0; i < RUN_READ_TRIES; i++) {
            JsonNode run = http.newestConnectRun();
            if (run != null && !text(run, "id").equals(priorRun) && text(run, "finishedAt") != null) return run;
            Thread.sleep(POLL_MILLIS * 5);
        }
        return null;
    }

    private Map<String, Integer> kinds(String runId) throws InterruptedException {
        Map<String, Integer> kinds = new TreeMap<>();
        ReconcileBenchHttp.Answer detail = http.apiGet("/api/v1/reconciliation/runs/" + runId);
        if (!detail.ok()) return kinds;
        for (JsonNode f : detail.body().path("findings")) {
            kinds.merge(text(f, "kind") + " " + text(f, "action"), 1, Integer::sum);
        }
        return kinds;
    }

    private static Map<String, Long> compared(JsonNode run) {
        Map<String, Long> counts = new LinkedHashMap<>();
        run.path("compared").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static Long between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
