package io.oms.server.bench;

import java.util.Map;

/** The command line of {@code oms bench read}; shares {@link BenchCommandLine} with the other HTTP benchmarks. */
record ReadBenchOptions(String baseUrl, String key, String readCredential, int orders, int requests, int concurrency,
                        String account, String symbol, int warmup, int runs) {
    static final int MAX_REQUESTS = 1_000_000;

    static final String USAGE = """
            Usage: oms bench read [options]
              --url URL          API base URL, loopback only (default http://127.0.0.1:8080)
              --key KEY          API key, places the orders (default: env OMS_API_KEY, else OMS_BOOTSTRAP_API_KEY)
              --token TOKEN      bearer credential for the reads, e.g. an access token from login
                                 (default: env OMS_ACCESS_TOKEN, else the API key)
              --orders N         resting orders placed first (not measured), read in turn (default 20)
              --requests M       measured GETs per run (default 2000)
              --concurrency C    concurrent HTTP requests (default 1)
              --warmup W         GETs before the measured runs, not measured (default 500)
              --runs R           measured runs; with R > 1 the median across runs is printed (default 3)
              --account ACCT     account (default DU1234567)
              --symbol SYM       symbol (default AAPL)
              --help             this text
            Measures GET /api/v1/orders/{id}: authentication (API key or access token), the tenant-scoped
            read of the order and its answer; from sending the request to the whole answer.
            Exit code: 0 every measured request answered 200, 1 errors, 2 bad arguments.
            """;

    static ReadBenchOptions parse(String[] args, Map<String, String> env) {
        BenchCommandLine common = new BenchCommandLine(20, 10_000, 1, 256, 500);
        common.runs(3);
        int requests = 2000;
        String token = null;
        for (BenchCommandLine.Option option : BenchCommandLine.options(args)) {
            switch (option.name()) {
                case "--requests" -> requests = BenchCommandLine.intArg("--requests", option.value(), 1, MAX_REQUESTS);
                case "--token" -> token = option.value().strip();
                default -> common.accept(option);
            }
        }
        String key = common.apiKey(env);
        if (token == null || token.isEmpty()) token = env.getOrDefault("OMS_ACCESS_TOKEN", "");
        return new ReadBenchOptions(common.baseUrl(), key, token.isBlank() ? key : token, common.orders(), requests,
                common.concurrency(), common.account(), common.symbol(), common.warmup(), common.runs());
    }

    boolean readsWithToken() {
        return !readCredential.equals(key);
    }

    @Override
    public String toString() {
        return "ReadBenchOptions[url=" + baseUrl + ", orders=" + orders + ", requests=" + requests + ", concurrency="
                + concurrency + ", key=<redacted>, token=<redacted>]";
    }
}
