package io.oms.server.bench;

import static io.oms.server.bench.ReconcileBenchHttp.text;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The day {@code oms bench reconcile} reconciles: MKT buys placed through the API (a refusal while the account is
 * RECONCILING, or a 429, is retried), each polled until FILLED, then the account's executions counted at the
 * simulator. Not measured.
 */
final class ReconcileBenchSetup {
    static final Duration PHASE_LIMIT = Duration.ofMinutes(30);
    static final Duration FILL_WAIT = Duration.ofMinutes(10);
    static final int MAX_RETRIES = 100;
    static final long PAUSE_MILLIS = 100;
    static final Set<String> DEAD = Set.of("REJECTED", "CANCELED", "CANCELLED", "EXPIRED", "FAILED", "INACTIVE");

    /** What the setup left: orders placed and FILLED, the account's executions and their orders at the simulator. */
    record Day(int placed, int filled, Map<String, Integer> errors, double seconds, int brokerExecutions,
               int brokerOrders) {}

    private final ReconcileBenchHttp http;
    private final ReconcileBenchOptions opts;
    private final String session = Long.toString(System.currentTimeMillis(), 36);

    ReconcileBenchSetup(ReconcileBenchHttp http, ReconcileBenchOptions opts) {
        this.http = http;
        this.opts = opts;
    }

    Day run() throws InterruptedException {
        long start = System.nanoTime();
        long fillDeadline = start + PHASE_LIMIT.toNanos();
        Map<String, Integer> errors = new TreeMap<>();
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger filled = new AtomicInteger();
        BenchWorkers.run(opts.orders(), opts.concurrency(), "bench-reconcile-", PHASE_LIMIT.plusMinutes(1), i -> {
            try {
                String id = place(i, errors);
                if (id == null) return;
                placed.incrementAndGet();
                String state = awaitFilled(id, Math.min(fillDeadline, System.nanoTime() + FILL_WAIT.toNanos()));
                if ("FILLED".equals(state)) filled.incrementAndGet(); else count(errors, "not FILLED: " + state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ReconcileBenchHttp.Answer execs = http.controlGet("/executions");
        int executions = -1;
        Set<String> orders = new HashSet<>();
        if (execs.ok() && execs.body().isArray()) {
            executions = 0;
            for (JsonNode x : execs.body()) {
                if (!opts.account().equals(text(x, "account"))) continue;
                executions++;
                orders.add(text(x, "orderRef") + "/" + text(x, "orderId"));
            }
        } else {
            count(errors, "GET " + opts.simControl() + "/executions: " + execs.describe());
        }
        return new Day(placed.get(), filled.get(), errors, seconds, executions, orders.size());
    }

    private String place(int i, Map<String, Integer> errors) throws InterruptedException {
        String body = "{\"account\":\"" + opts.account() + "\",\"symbol\":\"" + opts.symbol() + "\",\"side\":\"BUY\","
                + "\"type\":\"MKT\",\"qty\":\"" + opts.qty().toPlainString() + "\",\"tif\":\"DAY\","
                + "\"clientOrderId\":\"bench-reconcile-" + session + "-" + i + "\"}";
        ReconcileBenchHttp.Answer last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            last = http.apiPost("/api/v1/orders", body);
            if (last.ok() && text(last.body(), "id") != null) return text(last.body(), "id");
            if (last.status() != 503 && last.status() != 429) break;
            Thread.sleep(PAUSE_MILLIS);
        }
        count(errors, "POST /api/v1/orders: " + (last == null ? "no answer" : last.describe()));
        return null;
    }

    /** Polls the order until FILLED, a state it cannot leave, or the deadline; answers the last state seen. */
    private String awaitFilled(String id, long deadline) throws InterruptedException {
        String state = "unknown";
        while (System.nanoTime() < deadline) {
            ReconcileBenchHttp.Answer a = http.apiGet("/api/v1/orders/" + id);
            if (a.ok()) {
                String s = text(a.body(), "state");
                if (s != null) state = s;
                if ("FILLED".equals(state) || DEAD.contains(state)) return state;
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        return state;
    }

    private static void count(Map<String, Integer> errors, String what) {
        synchronized (errors) {
            errors.merge(what, 1, Integer::sum);
        }
    }
}
