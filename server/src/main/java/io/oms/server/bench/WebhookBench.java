package io.oms.server.bench;

import io.oms.infra.webhook.WebhookSettingsRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Event-to-delivery lag of outbound webhooks against a running {@code oms dev}: N loopback endpoints subscribed to
 * every event, E order events written to the outbox per run, and for every (event, endpoint) the time from the
 * event's outbox row to its first arrival at the endpoint.
 */
public final class WebhookBench {
    private WebhookBench() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.runHttp("bench webhooks", WebhookBenchOptions.USAGE, args, out, err, env,
                WebhookBenchOptions::parse, (opts, http) -> execute(opts, http, out, err));
    }

    private static int execute(WebhookBenchOptions opts, HttpClient http, PrintStream out, PrintStream err)
            throws InterruptedException {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(opts.dbUrl(), opts.dbUser(),
                System.getenv().getOrDefault("OMS_DB_PASSWORD", ""), true);
        JdbcClient jdbc = JdbcClient.create(ds);
        WebhookSettingsRepository settings = new WebhookSettingsRepository(jdbc);
        boolean allowedBefore = settings.allowPrivateTargets(opts.tenant());
        settings.setAllowPrivateTargets(opts.tenant(), true, Instant.now());
        WebhookBenchEndpoints endpoints = new WebhookBenchEndpoints(http, opts);
        try (WebhookBenchReceiver receiver = new WebhookBenchReceiver(opts.endpoints())) {
            endpoints.create(IntStream.range(0, opts.endpoints()).mapToObj(receiver::url).toList());
            out.println("== OMS webhook delivery benchmark ==");
            out.printf(Locale.ROOT, "%-13s%s (tenant %s), database %s%n", "server", opts.baseUrl(), opts.tenant(), opts.dbUrl());
            out.printf(Locale.ROOT, "%-13s%d loopback endpoints subscribed to * (created via the API), answering 204%n",
                    "endpoints", opts.endpoints());
            out.printf(Locale.ROOT, "%-13s%d order events per run (%d per order), written at %s, x %d run(s)%n", "load",
                    opts.events(), opts.eventsPerOrder(), opts.rate() == 0 ? "full speed" : opts.rate() + "/s", opts.runs());
            List<RoundTrips> lags = new ArrayList<>();
            boolean allGood = true;
            String session = Long.toString(System.currentTimeMillis(), 36);
            for (int r = 1; r <= opts.runs(); r++) {
                WebhookBenchRun.Result result = new WebhookBenchRun(opts, jdbc, receiver, session + "-" + r).run();
                lags.add(result.lags());
                out.printf(Locale.ROOT, "%-13s%s%n", "run " + r + " ms", result.lags().line().replace("ops/s", "deliveries/s"));
                out.printf(Locale.ROOT, "%-13s%s%n", "", result.summary());
                allGood &= result.complete() && result.outOfOrder() == 0;
            }
            if (opts.runs() > 1) {
                out.printf(Locale.ROOT, "%-13s%s%n", "median ms", RoundTrips.medianLine(lags).replace("ops/s", "deliveries/s"));
            }
            return allGood ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the receiver", e);
        } finally {
            int left = endpoints.deleteAll();
            if (left > 0) err.println("bench webhooks: " + left + " endpoint(s) could not be deleted");
            settings.setAllowPrivateTargets(opts.tenant(), allowedBefore, Instant.now());
            ds.destroy();
        }
    }
}
