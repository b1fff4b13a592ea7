package io.oms.server.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Load generator for the order REST API: submits market orders concurrently, measures POST latency,
 * then polls each order until FILLED and reports submit and sustained throughput. Plain JDK HTTP
 * client and Jackson, no Spring. Only loopback URLs are accepted.
 *
 * <p>Exit codes: 0 every measured order was accepted and reached FILLED; 1 some POST failed or some
 * order did not reach FILLED (or the API could not be reached); 2 bad arguments; 130 interrupted.
 */
public final class OrderBench {

    static final String USAGE = """
            Usage: oms bench [options]
              --url URL          API base URL, loopback only (default http://127.0.0.1:8080)
              --key KEY          API key (default: env OMS_API_KEY, else env OMS_BOOTSTRAP_API_KEY)
              --orders N         orders per measured run (default 1000)
              --concurrency C    concurrent HTTP requests (default 16)
              --account ACCT     account (default DU1234567)
              --symbol SYM       symbol (default AAPL)
              --qty Q            quantity per order (default 1)
              --warmup W         warmup orders, not measured (default 100)
              --runs R           measured runs; with R > 1 the median across runs is printed (default 1)
              --rate R           send R orders/s on a fixed schedule (open loop) instead of each worker's next
                                 order after its last answer; latency then counts from the scheduled send time, so
                                 a send delayed by busy workers counts too (default 0: closed loop)
              --help             this text
            Orders are MKT DAY BUYs: alternating sides would make concurrent opposite market orders of one account,
            which the wash-trade check rightly denies.
            `oms bench connector --help` measures the IB connector alone against an in-process simulator.
            `oms bench lifecycle --help` measures modify and cancel round trips of resting orders.
            Exit code: 0 all measured orders FILLED, 1 errors or unfilled orders, 2 bad arguments.
            """;

    static final Duration POST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration GET_TIMEOUT = Duration.ofSeconds(5);
    /** Hard cap on one POST phase; orders not sent by then are reported as NOT_SENT. */
    static final Duration POST_PHASE_LIMIT = Duration.ofMinutes(10);
    /** Total time spent polling for FILLED after the POSTs of a phase. */
    static final Duration FILL_WAIT_LIMIT = Duration.ofSeconds(60);
    static final long POLL_PAUSE_MILLIS = 20;
    static final int MAX_POLL_ROUNDS = 100_000;

    static final String FILLED = "FILLED";
    /** States after which an order can no longer become FILLED. */
    static final Set<String> DEAD_STATES = Set.of("REJECTED", "CANCELLED", "CANCELED", "EXPIRED", "FAILED", "INACTIVE");

    private final OrderBenchOptions opts;
    private final HttpClient http;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String session = Long.toString(System.currentTimeMillis(), 36);

    private OrderBench(OrderBenchOptions opts, HttpClient http, PrintStream out) {
        this.opts = opts;
        this.http = http;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Entry point used by {@code OmsMain bench ...}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.runHttp("bench", USAGE, args, out, err, env, OrderBenchOptions::parse, (opts, http) -> {
            OrderBench bench = new OrderBench(opts, http, out);
            String problem = bench.preflight();
            if (problem != null) {
                err.println("bench: " + problem);
                return 1;
            }
            return bench.execute();
        });
    }

    // ------------------------------------------------------------------ phases

    /** Returns null when the API answers and accepts the key, else a message explaining why not. */
    private String preflight() throws InterruptedException {
        HttpRequest req = authorized(orderUri("bench-preflight-" + session)).timeout(GET_TIMEOUT).GET().build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            int status = resp.statusCode();
            if (status == 401 || status == 403) {
                return "API key rejected by " + opts.baseUrl() + " (HTTP " + status + " "
                        + errorCode(resp.body()) + "); check --key / OMS_API_KEY";
            }
            return null;
        } catch (IOException e) {
            return "cannot reach " + opts.baseUrl() + " (" + describe(e) + "); is the API running (./oms dev or ./oms api)?";
        }
    }

    private int execute() throws InterruptedException {
        printHeader();
        if (opts.warmup() > 0) {
            Phase warm = submit("w", opts.warmup());
            awaitFills(warm);
            out.printf(Locale.ROOT, "%-13s%d sent, %d accepted, %d errors, %d FILLED%n", "warmup",
                    warm.sent(), warm.accepted(), warm.errorCount(), warm.filled());
        }
        List<RunStats> runs = new ArrayList<>();
        boolean clean = true;
        for (int r = 1; r <= opts.runs(); r++) {
            Phase phase = submit("r" + r, opts.orders());
            awaitFills(phase);
            RunStats stats = RunStats.of(phase);
            runs.add(stats);
            out.println();
            out.printf(Locale.ROOT, "-- run %d/%d --%n", r, opts.runs());
            printRun(stats);
            clean &= stats.errors().isEmpty() && stats.filled() == opts.orders();
        }
        if (runs.size() > 1) {
            printMedian(runs);
        }
        out.flush();
        return clean ? 0 : 1;
    }

    private Phase submit(String tag, int count) throws InterruptedException {
        Attempt[] attempts = new Attempt[count];
        for (int i = 0; i < count; i++) {
            attempts[i] = new Attempt("bench-" + session + tag + "-" + i, "BUY");
        }
        long start = System.nanoTime();
        long deadline = start + POST_PHASE_LIMIT.toNanos();
        parallel(count, i -> {
            if (opts.rate() > 0 && !awaitSchedule(attempts[i], start + (long) (i * 1e9 / opts.rate()), deadline)) {
                return;
            }
            post(attempts[i], deadline);
        });
        return new Phase(attempts);
    }

    private void awaitFills(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + FILL_WAIT_LIMIT.toNanos();
        List<Attempt> pending = phase.pending();
        for (int round = 0; round < MAX_POLL_ROUNDS && !pending.isEmpty(); round++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            List<Attempt> batch = pending;
            parallel(batch.size(), i -> poll(batch.get(i), deadline));
            pending = phase.pending();
            if (!pending.isEmpty()) {
                Thread.sleep(Math.min(POLL_PAUSE_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
        }
    }

    /** Sleeps until the order's scheduled send time; false (and not sent) when that lies past the phase's deadline. */
    private static boolean awaitSchedule(Attempt a, long scheduledAt, long deadline) {
        if (scheduledAt - deadline > 0) {
            notSent(a);
            return false;
        }
        long wait = scheduledAt - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a.error = "INTERRUPTED";
                return false;
            }
        }
        a.scheduledAt = scheduledAt;
        return true;
    }

    private static void notSent(Attempt a) {
        a.error = "NOT_SENT (POST phase limit " + POST_PHASE_LIMIT.toMinutes() + " min)";
    }

    // ------------------------------------------------------------------ HTTP

    private void post(Attempt a, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            notSent(a);
            return;
        }
        ObjectNode body = json.createObjectNode()
                .put("account", opts.account())
                .put("symbol", opts.symbol())
                .put("side", a.side)
                .put("type", "MKT")
                .put("qty", opts.qty())
                .put("tif", "DAY")
                .put("clientOrderId", a.clientOrderId);
        HttpRequest req = authorized(ordersUri())
                .timeout(POST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        // Open loop: from when it should have been sent, so waiting for a free worker counts as latency.
        a.sentAt = a.scheduledAt != 0 ? a.scheduledAt : System.nanoTime();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            a.respondedAt = now;
            a.status = resp.statusCode();
            if (a.status / 100 != 2) {
                a.error = "HTTP " + a.status + " " + errorCode(resp.body());
                a.errorDetail = errorMessage(resp.body());
                return;
            }
            JsonNode order = parse(resp.body());
            a.id = order == null ? null : text(order, "id");
            if (a.id == null || a.id.isBlank()) {
                a.error = "HTTP " + a.status + " without order id";
                return;
            }
            observe(a, text(order, "state"), now);
        } catch (HttpTimeoutException e) {
            a.error = "TIMEOUT (no response in " + POST_TIMEOUT.toSeconds() + " s)";
        } catch (IOException e) {
            a.error = "IO " + e.getClass().getSimpleName();
            a.errorDetail = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.error = "INTERRUPTED";
        } catch (RuntimeException e) {
            a.error = "CLIENT " + e.getClass().getSimpleName();
            a.errorDetail = e.getMessage();
        }
    }

    private void poll(Attempt a, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !a.isPending()) {
            return;
        }
        Duration timeout = Duration.ofNanos(Math.min(GET_TIMEOUT.toNanos(), left));
        HttpRequest req = authorized(orderUri(a.id)).timeout(timeout).GET().build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (resp.statusCode() / 100 == 2) {
                JsonNode order = parse(resp.body());
                if (order != null) {
                    observe(a, text(order, "state"), now);
                }
            } else {
                a.pollError = "HTTP " + resp.statusCode() + " " + errorCode(resp.body());
            }
        } catch (IOException e) {
            a.pollError = "IO " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            a.pollError = "CLIENT " + e.getClass().getSimpleName();
        }
    }

    private static void observe(Attempt a, String state, long now) {
        if (state == null) {
            return;
        }
        a.state = state;
        if (FILLED.equals(state) && a.filledAt == 0) {
            a.filledAt = now;
        }
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + opts.key())
                .header("Accept", "application/json");
    }

    private URI ordersUri() {
        return URI.create(opts.baseUrl() + "/api/v1/orders");
    }

    private URI orderUri(String id) {
        return URI.create(opts.baseUrl() + "/api/v1/orders/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private String errorCode(String body) {
        JsonNode node = parse(body);
        String code = node == null ? null : text(node, "code");
        return code == null || code.isBlank() ? "-" : code;
    }

    private String errorMessage(String body) {
        JsonNode node = parse(body);
        return node == null ? null : text(node, "message");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    private void parallel(int count, IntConsumer task) throws InterruptedException {
        BenchWorkers.run(count, opts.concurrency(), "bench-", POST_PHASE_LIMIT.plusMinutes(5), task);
    }

    // ------------------------------------------------------------------ output

    private void printHeader() {
        out.println("== OMS order benchmark ==");
        out.printf(Locale.ROOT, "%-13s%s%n", "url", opts.baseUrl());
        out.printf(Locale.ROOT, "%-13s%s %s qty %s MKT DAY BUY%n", "order",
                opts.account(), opts.symbol(), opts.qty());
        out.printf(Locale.ROOT, "%-13s%d orders x %d run(s), concurrency %d, warmup %d, %s%n", "load",
                opts.orders(), opts.runs(), opts.concurrency(), opts.warmup(),
                opts.rate() > 0 ? String.format(Locale.ROOT, "open loop at %.0f orders/s", opts.rate()) : "closed loop");
        out.printf(Locale.ROOT, "%-13sJava %s, %d CPUs%n", "client",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
    }

    private void printRun(RunStats s) {
        out.printf(Locale.ROOT, "%-13s%d sent, %d accepted, %d errors%n", "orders", s.sent(), s.accepted(), s.errorCount());
        if (s.errors().isEmpty()) {
            out.printf(Locale.ROOT, "%-13snone%n", "errors");
        } else {
            out.println("errors");
            s.errors().forEach((key, count) -> {
                String sample = s.errorSamples().get(key);
                out.printf(Locale.ROOT, "  %-40s %6d%s%n", key, count,
                        sample == null ? "" : "  e.g. " + abbreviate(sample, 100));
            });
        }
        if (s.latenciesNanos().length == 0) {
            out.printf(Locale.ROOT, "%-13sn/a (no accepted orders)%n", "latency ms");
        } else {
            out.printf(Locale.ROOT, "%-13s%s   (POST -> 2xx, n=%d)%n", "latency ms",
                    latencyLine(s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs()), s.latenciesNanos().length);
        }
        out.printf(Locale.ROOT, "%-13s%s   (%d accepted in %.3f s)%n", "submit", rate(s.submitRate()), s.accepted(), s.postPhaseSeconds());
        out.printf(Locale.ROOT, "%-13s%d FILLED, %d not FILLED within %d s of polling%n", "fills",
                s.filled(), s.accepted() - s.filled(), FILL_WAIT_LIMIT.toSeconds());
        out.printf(Locale.ROOT, "%-13s%s%n", "final states", s.states().isEmpty() ? "none" : format(s.states()));
        if (!s.pollErrors().isEmpty()) {
            out.printf(Locale.ROOT, "%-13s%s%n", "poll errors", format(s.pollErrors()));
        }
        out.printf(Locale.ROOT, "%-13s%s   (%d FILLED, first POST to last FILLED seen %.3f s)%n", "sustained",
                rate(s.sustainedRate()), s.filled(), s.fillSpanSeconds());
    }

    private void printMedian(List<RunStats> runs) {
        out.println();
        out.printf(Locale.ROOT, "-- median of %d runs --%n", runs.size());
        out.printf(Locale.ROOT, "%-13s%s%n", "latency ms", latencyLine(
                median(runs, RunStats::p50Ms), median(runs, RunStats::p90Ms),
                median(runs, RunStats::p99Ms), median(runs, RunStats::maxMs)));
        out.printf(Locale.ROOT, "%-13s%s%n", "submit", rate(median(runs, RunStats::submitRate)));
        out.printf(Locale.ROOT, "%-13s%s%n", "sustained", rate(median(runs, RunStats::sustainedRate)));
    }

    private static double median(List<RunStats> runs, java.util.function.ToDoubleFunction<RunStats> metric) {
        return Percentiles.median(runs.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray());
    }

    private static String latencyLine(double p50, double p90, double p99, double max) {
        return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s", ms(p50), ms(p90), ms(p99), ms(max));
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f orders/s", v);
    }

    private static String format(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    // ------------------------------------------------------------------ data

    /** One order submission and what was observed about it. Fields are written by one worker at a time. */
    static final class Attempt {
        final String clientOrderId;
        final String side;
        volatile long sentAt;
        volatile long scheduledAt;
        volatile long respondedAt;
        volatile int status;
        volatile String error;
        volatile String errorDetail;
        volatile String id;
        volatile String state;
        volatile long filledAt;
        volatile String pollError;

        Attempt(String clientOrderId, String side) {
            this.clientOrderId = clientOrderId;
            this.side = side;
        }

        boolean accepted() {
            return error == null && id != null;
        }

        boolean isPending() {
            return accepted() && filledAt == 0 && (state == null || !DEAD_STATES.contains(state));
        }
    }

    record Phase(Attempt[] attempts) {
        List<Attempt> pending() {
            return Arrays.stream(attempts).filter(Attempt::isPending).toList();
        }

        long sent() {
            return Arrays.stream(attempts).filter(a -> a.sentAt != 0).count();
        }

        long accepted() {
            return Arrays.stream(attempts).filter(Attempt::accepted).count();
        }

        long errorCount() {
            return Arrays.stream(attempts).filter(a -> a.error != null).count();
        }

        long filled() {
            return Arrays.stream(attempts).filter(a -> a.accepted() && a.filledAt != 0).count();
        }
    }

    record RunStats(long sent, long accepted, long errorCount, Map<String, Integer> errors,
                    Map<String, String> errorSamples, long[] latenciesNanos, double postPhaseSeconds,
                    long filled, double fillSpanSeconds, Map<String, Integer> states,
                    Map<String, Integer> pollErrors) {

        static RunStats of(Phase phase) {
            Map<String, Integer> errors = new TreeMap<>();
            Map<String, String> samples = new TreeMap<>();
            Map<String, Integer> states = new TreeMap<>();
            Map<String, Integer> pollErrors = new TreeMap<>();
            long firstSent = Long.MAX_VALUE;
            long lastResponse = Long.MIN_VALUE;
            long lastFilled = Long.MIN_VALUE;
            List<Long> latencies = new ArrayList<>();
            for (Attempt a : phase.attempts()) {
                if (a.sentAt != 0) {
                    firstSent = Math.min(firstSent, a.sentAt);
                }
                if (a.respondedAt != 0) {
                    lastResponse = Math.max(lastResponse, a.respondedAt);
                }
                if (a.error != null) {
                    errors.merge(a.error, 1, Integer::sum);
                    if (a.errorDetail != null) {
                        samples.putIfAbsent(a.error, a.errorDetail);
                    }
                    continue;
                }
                if (!a.accepted()) {
                    continue;
                }
                latencies.add(a.respondedAt - a.sentAt);
                states.merge(a.state == null ? "UNKNOWN" : a.state, 1, Integer::sum);
                if (a.filledAt != 0) {
                    lastFilled = Math.max(lastFilled, a.filledAt);
                } else if (a.pollError != null) {
                    pollErrors.merge(a.pollError, 1, Integer::sum);
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long accepted = sorted.length;
            long filled = phase.filled();
            double postSeconds = firstSent == Long.MAX_VALUE || lastResponse == Long.MIN_VALUE
                    ? Double.NaN : (lastResponse - firstSent) / 1e9;
            double fillSeconds = filled == 0 || firstSent == Long.MAX_VALUE ? Double.NaN : (lastFilled - firstSent) / 1e9;
            return new RunStats(phase.sent(), accepted, phase.errorCount(), errors, samples, sorted, postSeconds,
                    filled, fillSeconds, states, pollErrors);
        }

        private double latencyMs(double p) {
            return latenciesNanos.length == 0 ? Double.NaN : Percentiles.nearestRank(latenciesNanos, p) / 1e6;
        }

        double p50Ms() {
            return latencyMs(50);
        }

        double p90Ms() {
            return latencyMs(90);
        }

        double p99Ms() {
            return latencyMs(99);
        }

        double maxMs() {
            return latencyMs(100);
        }

        double submitRate() {
            return accepted == 0 || !(postPhaseSeconds > 0) ? Double.NaN : accepted / postPhaseSeconds;
        }

        double sustainedRate() {
            return filled == 0 || !(fillSpanSeconds > 0) ? Double.NaN : filled / fillSpanSeconds;
        }
    }
}
