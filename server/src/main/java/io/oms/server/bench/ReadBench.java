package io.oms.server.bench;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticated reads against a running OMS: places a few resting limit buys far below the market (not
 * measured), then times {@code GET /api/v1/orders/{id}} over them in turn, from sending the request to the whole
 * answer. With {@code --token} the reads carry an access token instead of the API key. Loopback only.
 */
public final class ReadBench {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(30);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final ReadBenchOptions opts;
    private final HttpClient http;
    private final PrintStream out;
    private final String session = Long.toString(System.currentTimeMillis(), 36);

    private ReadBench(ReadBenchOptions opts, HttpClient http, PrintStream out) {
        this.opts = opts;
        this.http = http;
        this.out = out;
    }

    /** Entry point used by {@code OmsMain bench read ...}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.runHttp("bench read", ReadBenchOptions.USAGE, args, out, err, env,
                ReadBenchOptions::parse, (opts, http) -> new ReadBench(opts, http, out).execute(err));
    }

    private int execute(PrintStream err) throws InterruptedException {
        String[] ids = placeOrders();
        if (ids.length == 0) {
            err.println("bench read: no order could be placed at " + opts.baseUrl() + "; is the API running and is"
                    + " the key (--key / OMS_API_KEY) right?");
            return 1;
        }
        RoundTrips.Outcome probe = read(ids[0]);
        if (probe.error() != null) {
            err.println("bench read: GET /api/v1/orders/{id} answered " + probe.error() + "; is the "
                    + (opts.readsWithToken() ? "access token (--token / OMS_ACCESS_TOKEN)" : "key") + " right?");
            return 1;
        }
        out.println("== OMS authenticated read benchmark ==");
        out.printf(Locale.ROOT, "%-13s%s%n", "url", opts.baseUrl());
        out.printf(Locale.ROOT, "%-13sGET /api/v1/orders/{id} over %d resting orders, with %s%n", "request",
                ids.length, opts.readsWithToken() ? "an access token" : "an API key");
        out.printf(Locale.ROOT, "%-13s%d requests x %d run(s), concurrency %d, warmup %d%n", "load",
                opts.requests(), opts.runs(), opts.concurrency(), opts.warmup());
        if (opts.warmup() > 0) reads(ids, opts.warmup());
        List<RoundTrips> runs = new ArrayList<>();
        for (int r = 1; r <= opts.runs(); r++) {
            RoundTrips run = reads(ids, opts.requests());
            runs.add(run);
            out.printf(Locale.ROOT, "%-13s%s%n", "run " + r + " ms", run.line());
        }
        if (runs.size() > 1) {
            out.printf(Locale.ROOT, "%-13s%s%n", "median ms", RoundTrips.medianLine(runs));
        }
        out.flush();
        return runs.stream().allMatch(r -> r.errors().isEmpty()) ? 0 : 1;
    }

    private String[] placeOrders() throws InterruptedException {
        String[] ids = new String[opts.orders()];
        BenchWorkers.run(ids.length, Math.min(4, opts.concurrency()), "bench-read-", PHASE_LIMIT, i -> {
            String body = "{\"account\":\"" + opts.account() + "\",\"symbol\":\"" + opts.symbol()
                    + "\",\"side\":\"BUY\",\"type\":\"LMT\",\"qty\":\"1\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\","
                    + "\"clientOrderId\":\"bench-read-" + session + "-" + i + "\"}";
            HttpRequest post = request("/api/v1/orders", opts.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> resp = http.send(post, HttpResponse.BodyHandlers.ofString());
                Matcher m = ID.matcher(resp.body() == null ? "" : resp.body());
                if (resp.statusCode() / 100 == 2 && m.find()) ids[i] = m.group(1);
            } catch (IOException e) {
                // counted as not placed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return Arrays.stream(ids).filter(Objects::nonNull).toArray(String[]::new);
    }

    private RoundTrips reads(String[] ids, int count) throws InterruptedException {
        RoundTrips.Outcome[] outcomes = new RoundTrips.Outcome[count];
        long start = System.nanoTime();
        BenchWorkers.run(count, opts.concurrency(), "bench-read-", PHASE_LIMIT, i -> outcomes[i] = read(ids[i % ids.length]));
        return RoundTrips.of(Arrays.asList(outcomes), (System.nanoTime() - start) / 1e9);
    }

    private RoundTrips.Outcome read(String id) {
        HttpRequest get = request("/api/v1/orders/" + id, opts.readCredential()).GET().build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> resp = http.send(get, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            return new RoundTrips.Outcome(nanos, resp.statusCode(),
                    resp.statusCode() == 200 ? null : "HTTP " + resp.statusCode());
        } catch (HttpTimeoutException e) {
            return new RoundTrips.Outcome(0, -1, "TIMEOUT");
        } catch (IOException e) {
            return new RoundTrips.Outcome(0, -1, "IO " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RoundTrips.Outcome(0, -1, "INTERRUPTED");
        }
    }

    private HttpRequest.Builder request(String path, String credential) {
        return HttpRequest.newBuilder(URI.create(opts.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + credential);
    }
}
