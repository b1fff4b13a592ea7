package io.oms.server.bench;

import java.net.URI;
import java.util.Map;

/** The command line of {@code oms bench webhooks}. */
record WebhookBenchOptions(String baseUrl, String key, String dbUrl, String dbUser, String tenant, int endpoints,
                           int events, int eventsPerOrder, int rate, int runs, int timeoutSeconds) {
    static final String USAGE = """
            Usage: oms bench webhooks [options]
              --url URL           API base URL of a running oms dev, loopback only (default http://127.0.0.1:8080)
              --key KEY           API key of the tenant (default: env OMS_API_KEY, else OMS_BOOTSTRAP_API_KEY)
              --db-url URL        that server's database, loopback only (default: env OMS_DB_URL, else
                                  jdbc:postgresql://127.0.0.1:5432/oms); user from OMS_DB_USER (default postgres)
              --tenant T          the key's tenant (default demo)
              --endpoints N       receiving endpoints, all subscribed to * (default 10)
              --events E          events written per run (default 1000)
              --events-per-order K  events per order id, delivered in order per endpoint (default 5)
              --rate R            events written per second, 0 as fast as possible (default 200)
              --runs R            measured runs; with R > 1 the median of each figure is printed (default 3)
              --timeout S         seconds a run may take after its last event was written (default 120)
              --help              this text
            Setup: allows the tenant private webhook targets (SQL), starts a loopback receiver answering 204 and
            creates N endpoints pointing at it (POST /api/v1/webhooks).
            Each run writes E order events to the outbox (one transaction each, like the ledger), which the worker's
            relay publishes and fans out as usual, and waits until every endpoint received every event.
            Figures: lag = first arrival at the endpoint - the event's outbox created_at, over every (event, endpoint);
            deliveries/s = E*N / (last arrival - first event written); events of one order arriving out of outbox
            order at an endpoint are counted. The endpoints are deleted at the end.
            Exit code: 0 every run complete and in order, 1 otherwise, 2 bad arguments.
            """;

    static WebhookBenchOptions parse(String[] args, Map<String, String> env) {
        BenchCommandLine common = new BenchCommandLine(1, 1, 1, 1, 0);
        common.runs(3);
        String dbUrl = env.getOrDefault("OMS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/oms");
        String tenant = "demo";
        int endpoints = 10, events = 1000, perOrder = 5, rate = 200, timeout = 120;
        for (BenchCommandLine.Option o : BenchCommandLine.options(args)) {
            switch (o.name()) {
                case "--db-url" -> dbUrl = o.value().strip();
                case "--tenant" -> tenant = nonBlank(o.name(), o.value());
                case "--endpoints" -> endpoints = BenchCommandLine.intArg(o.name(), o.value(), 1, 50);
                case "--events" -> events = BenchCommandLine.intArg(o.name(), o.value(), 1, 100_000);
                case "--events-per-order" -> perOrder = BenchCommandLine.intArg(o.name(), o.value(), 1, 100);
                case "--rate" -> rate = BenchCommandLine.intArg(o.name(), o.value(), 0, 100_000);
                case "--timeout" -> timeout = BenchCommandLine.intArg(o.name(), o.value(), 1, 3600);
                case "--url", "--key", "--runs" -> common.accept(o);
                default -> throw new IllegalArgumentException("unknown option " + o.name());
            }
        }
        requireLoopbackDb(dbUrl);
        return new WebhookBenchOptions(common.baseUrl(), common.apiKey(env), dbUrl,
                env.getOrDefault("OMS_DB_USER", "postgres"), tenant, endpoints, events, perOrder, rate, common.runs(),
                timeout);
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value.strip();
    }

    private static void requireLoopbackDb(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql:// URL, got '" + url + "'");
        }
        String host = URI.create(url.substring("jdbc:".length())).getHost();
        if (host == null || !BenchCommandLine.LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("refusing --db-url '" + url + "': the benchmark writes events into it,"
                    + " so only a loopback host");
        }
    }

    @Override
    public String toString() {
        return "WebhookBenchOptions[url=" + baseUrl + ", db=" + dbUrl + ", tenant=" + tenant + ", endpoints=" + endpoints
                + ", events=" + events + ", rate=" + rate + ", runs=" + runs + ", key=<redacted>]";
    }
}
