package io.oms.server.bench;

import java.net.URI;
import java.util.Map;

/** The command line of {@code oms bench risk}. */
record RiskBenchOptions(String dbUrl, String dbUser, int limits, int workingOrders, int filledOrders, int checks,
                        int warmup, int runs) {
    static final String USAGE = """
            Usage: oms bench risk [options]
              --db-url URL       a PostgreSQL database on loopback to (re)create for the benchmark
                                 (default jdbc:postgresql://127.0.0.1:5432/oms_bench_risk; it is dropped and rebuilt)
              --limits N         active risk limits of the tenant (default 50)
              --working W        working orders of the account (default 100)
              --filled F         orders filled earlier today (default 500)
              --checks C         measured checks per run (default 5000)
              --warmup W         checks before the measured runs (default 5000)
              --runs R           measured runs; with R > 1 the median across runs is printed (default 3)
              --help             this text
            Measures, per order, loading the risk snapshot (one REPEATABLE READ transaction) and running every rule.
            """;

    static RiskBenchOptions parse(String[] args, Map<String, String> env) {
        String url = "jdbc:postgresql://127.0.0.1:5432/oms_bench_risk";
        int limits = 50, working = 100, filled = 500, checks = 5000, warmup = 5000, runs = 3;
        for (BenchCommandLine.Option o : BenchCommandLine.options(args)) {
            switch (o.name()) {
                case "--db-url" -> url = o.value().strip();
                case "--limits" -> limits = BenchCommandLine.intArg(o.name(), o.value(), 0, 1000);
                case "--working" -> working = BenchCommandLine.intArg(o.name(), o.value(), 0, 100_000);
                case "--filled" -> filled = BenchCommandLine.intArg(o.name(), o.value(), 0, 1_000_000);
                case "--checks" -> checks = BenchCommandLine.intArg(o.name(), o.value(), 1, 1_000_000);
                case "--warmup" -> warmup = BenchCommandLine.intArg(o.name(), o.value(), 0, 1_000_000);
                case "--runs" -> runs = BenchCommandLine.intArg(o.name(), o.value(), 1, 100);
                default -> throw new IllegalArgumentException("unknown option " + o.name());
            }
        }
        requireLoopback(url);
        return new RiskBenchOptions(url, env.getOrDefault("OMS_DB_USER", "postgres"), limits, working, filled, checks,
                warmup, runs);
    }

    private static void requireLoopback(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql:// URL, got '" + url + "'");
        }
        String host = URI.create(url.substring("jdbc:".length())).getHost();
        if (host == null || !BenchCommandLine.LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("refusing --db-url '" + url + "': the benchmark rebuilds its database"
                    + " and only on a loopback host");
        }
    }
}
