package io.oms.server.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Modify and cancel round trips against a running OMS: places resting limit buys far below the market (not
 * measured), then times {@code PATCH /api/v1/orders/{id}} (If-Match on the order's version) and
 * {@code POST /api/v1/orders/{id}/cancel} for each, from sending the request to its answer. Loopback only.
 */
public final class LifecycleBench {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Backstop on one phase; each request is bounded by its own timeout. */
    static final Duration PHASE_LIMIT = Duration.ofMinutes(30);

    private final LifecycleBenchOptions opts;
    private final HttpClient http;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String session = Long.toString(System.currentTimeMillis(), 36);
    /** Why the server cannot modify (its answer to the first PATCH), or null while PATCH works or is untried. */
    private final AtomicReference<String> modifyUnavailable = new AtomicReference<>();

    /** One cycle's figures; {@code modify} is null when the server has no PATCH. */
    record Cycle(int placed, Map<String, Integer> placeErrors, RoundTrips modify, RoundTrips cancel) {}

    private LifecycleBench(LifecycleBenchOptions opts, HttpClient http, PrintStream out) {
        this.opts = opts;
        this.http = http;
        this.out = out;
    }

    /** Entry point used by {@code OmsMain bench lifecycle ...}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.runHttp("bench lifecycle", LifecycleBenchOptions.USAGE, args, out, err, env,
                LifecycleBenchOptions::parse, (opts, http) -> new LifecycleBench(opts, http, out).execute(err));
    }

    private int execute(PrintStream err) throws InterruptedException {
        Answer probe = send(request("/api/v1/orders?limit=1").GET().build());
        if (probe.status() == 401 || probe.status() == 403 || probe.status() < 0) {
            err.println("bench lifecycle: " + opts.baseUrl() + " answered " + probe.label()
                    + "; is the API running and is the key (--key / OMS_API_KEY) right?");
            return 1;
        }
        out.println("== OMS modify/cancel round-trip benchmark ==");
        out.printf(Locale.ROOT, "%-13s%s%n", "url", opts.baseUrl());
        out.printf(Locale.ROOT, "%-13s%s %s BUY 1 LMT %s DAY (resting), modify %s%n", "order", opts.account(),
                opts.symbol(), opts.limitPrice().toPlainString(), opts.modify().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "%-13s%d orders x %d run(s), concurrency %d, warmup %d%n", "load", opts.orders(),
                opts.runs(), opts.concurrency(), opts.warmup());
        if (opts.warmup() > 0) {
            Cycle warm = cycle("w", opts.warmup());
            out.printf(Locale.ROOT, "%-13s%d placed, %scancelled%n", "warmup", warm.placed(),
                    warm.modify() == null ? "" : "modified, ");
        }
        List<Cycle> runs = new ArrayList<>();
        for (int r = 1; r <= opts.runs(); r++) {
            Cycle c = cycle("r" + r, opts.orders());
            runs.add(c);
            out.printf(Locale.ROOT, "%n-- run %d/%d --%n", r, opts.runs());
            out.printf(Locale.ROOT, "%-13s%d resting%s%n", "placed", c.placed(),
                    c.placeErrors().isEmpty() ? "" : "; not resting: " + c.placeErrors());
            out.printf(Locale.ROOT, "%-13s%s%n", "modify ms", c.modify() == null ? unavailable() : c.modify().line());
            out.printf(Locale.ROOT, "%-13s%s%n", "cancel ms", c.cancel().line());
        }
        if (runs.size() > 1) {
            out.printf(Locale.ROOT, "%n-- median of %d runs --%n", runs.size());
            List<RoundTrips> modifies = runs.stream().map(Cycle::modify).filter(Objects::nonNull).toList();
            out.printf(Locale.ROOT, "%-13s%s%n", "modify ms", modifies.isEmpty() ? unavailable() : RoundTrips.medianLine(modifies));
            out.printf(Locale.ROOT, "%-13s%s%n", "cancel ms", RoundTrips.medianLine(runs.stream().map(Cycle::cancel).toList()));
        }
        out.flush();
        boolean clean = runs.stream().allMatch(c -> c.placeErrors().isEmpty() && c.cancel().errors().isEmpty()
                && (c.modify() == null || c.modify().errors().isEmpty()));
        return clean ? 0 : 1;
    }

    private String unavailable() {
        return "unavailable: the server answered PATCH /api/v1/orders/{id} with " + modifyUnavailable.get()
                + " (no PATCH endpoint yet); modify not measured";
    }

    /** Places {@code n} resting orders, then modifies each once and cancels each once. */
    private Cycle cycle(String tag, int n) throws InterruptedException {
        String[] ids = new String[n];
        Map<String, Integer> placeErrors = new java.util.TreeMap<>();
        parallel(n, i -> {
            Answer a = send(post("/api/v1/orders", placeBody("bench-lc-" + session + tag + "-" + i)));
            String state = a.body() == null ? null : a.body().path("state").asString(null);
            if (a.ok() && state != null && !List.of("REJECTED", "CANCELED", "FILLED", "EXPIRED").contains(state)) {
                ids[i] = a.body().path("id").asString();
            } else {
                synchronized (placeErrors) {
                    placeErrors.merge(a.ok() ? "state " + state : a.label(), 1, Integer::sum);
                }
            }
        });
        String[] resting = Arrays.stream(ids).filter(Objects::nonNull).toArray(String[]::new);
        RoundTrips modify = modifyUnavailable.get() != null ? null : timed(resting, this::modify);
        if (modifyUnavailable.get() != null) {
            modify = null; // found out during this cycle: its answers measure a missing endpoint, not a modify
        }
        RoundTrips cancel = timed(resting, id -> {
            long start = System.nanoTime();
            Answer a = send(post("/api/v1/orders/" + id + "/cancel", ""));
            return a.outcome(System.nanoTime() - start);
        });
        return new Cycle(resting.length, placeErrors, modify, cancel);
    }

    /** The modify round trip: the GET for the order's version is not measured, only the PATCH. */
    private RoundTrips.Outcome modify(String id) {
        if (modifyUnavailable.get() != null) {
            return new RoundTrips.Outcome(0, 0, "skipped");
        }
        Answer current = send(request("/api/v1/orders/" + id).GET().build());
        if (!current.ok()) {
            return new RoundTrips.Outcome(0, current.status(), "GET before PATCH: " + current.label());
        }
        String etag = current.etag() != null ? current.etag() : "\"" + current.body().path("version").asLong() + "\"";
        String body = opts.modify() == LifecycleBenchOptions.Modify.PRICE
                ? "{\"limitPrice\":\"" + opts.limitPrice().add(new BigDecimal("0.01")).toPlainString() + "\"}"
                : "{\"qty\":\"2\"}";
        HttpRequest patch = request("/api/v1/orders/" + id).header("Content-Type", "application/json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        Answer a = send(patch);
        long nanos = System.nanoTime() - start;
        if (a.status() == 404 || a.status() == 405) {
            // The order was just placed and GET found it: a 404/405 here is the endpoint, not the order.
            modifyUnavailable.compareAndSet(null, a.label());
        }
        return a.outcome(nanos);
    }

    private RoundTrips timed(String[] ids, Function<String, RoundTrips.Outcome> call) throws InterruptedException {
        RoundTrips.Outcome[] outcomes = new RoundTrips.Outcome[ids.length];
        long start = System.nanoTime();
        parallel(ids.length, i -> outcomes[i] = call.apply(ids[i]));
        double wall = (System.nanoTime() - start) / 1e9;
        return RoundTrips.of(Arrays.asList(outcomes), wall);
    }

    private String placeBody(String clientOrderId) {
        return json.createObjectNode().put("account", opts.account()).put("symbol", opts.symbol()).put("side", "BUY")
                .put("type", "LMT").put("qty", "1").put("limitPrice", opts.limitPrice().toPlainString())
                .put("tif", "DAY").put("clientOrderId", clientOrderId).toString();
    }

    // ------------------------------------------------------------------ HTTP

    /** An answer: status (-1 when none came), parsed body, ETag, and a short label for reports. */
    record Answer(int status, JsonNode body, String etag, String label) {
        boolean ok() {
            return status / 100 == 2;
        }

        RoundTrips.Outcome outcome(long nanos) {
            return new RoundTrips.Outcome(nanos, status, ok() ? null : label);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(opts.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + opts.key());
    }

    private HttpRequest post(String path, String body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Answer send(HttpRequest req) {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(resp.body());
            String code = body == null ? "" : body.path("code").asString("");
            return new Answer(resp.statusCode(), body, resp.headers().firstValue("ETag").orElse(null),
                    ("HTTP " + resp.statusCode() + " " + code).strip());
        } catch (HttpTimeoutException e) {
            return new Answer(-1, null, null, "TIMEOUT (no answer in " + REQUEST_TIMEOUT.toSeconds() + " s)");
        } catch (IOException e) {
            return new Answer(-1, null, null, "IO " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, "INTERRUPTED");
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void parallel(int count, IntConsumer task) throws InterruptedException {
        BenchWorkers.run(count, opts.concurrency(), "bench-lc-", PHASE_LIMIT, task);
    }
}
