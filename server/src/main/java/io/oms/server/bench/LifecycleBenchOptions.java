package io.oms.server.bench;

import java.math.BigDecimal;
import java.util.Map;

/** The command line of {@code oms bench lifecycle}; shares {@link BenchCommandLine} with {@link OrderBenchOptions}. */
record LifecycleBenchOptions(String baseUrl, String key, int orders, int concurrency, String account, String symbol,
                             BigDecimal limitPrice, Modify modify, int warmup, int runs) {

    /** What the modify round trip changes: the limit price (one tick up) or the quantity (one share more). */
    enum Modify { PRICE, QTY }

    static final String USAGE = """
            Usage: oms bench lifecycle [options]
              --url URL          API base URL, loopback only (default http://127.0.0.1:8080)
              --key KEY          API key (default: env OMS_API_KEY, else env OMS_BOOTSTRAP_API_KEY)
              --orders N         orders per measured run, each modified once and cancelled once (default 200)
              --concurrency C    concurrent HTTP requests (default 4)
              --account ACCT     account (default DU1234567)
              --symbol SYM       symbol (default AAPL)
              --limit PRICE      limit of the resting BUY orders, far below the market (default 1.00)
              --modify WHAT      price (limit one cent up) or qty (one share more) (default price)
              --warmup W         warmup orders, placed, modified and cancelled but not measured (default 20)
              --runs R           measured runs; with R > 1 the median across runs is printed (default 1)
              --help             this text
            Places resting 1-share LMT DAY buys (not measured), then measures for each order
              modify: PATCH /api/v1/orders/{id} with If-Match: "<version>" until the answer, then
              cancel: POST /api/v1/orders/{id}/cancel until the answer.
            If the server has no PATCH (404/405), the modify half is reported as unavailable and skipped.
            Exit code: 0 every measured request answered 2xx (or modify unavailable), 1 errors, 2 bad arguments.
            """;

    static LifecycleBenchOptions parse(String[] args, Map<String, String> env) {
        BenchCommandLine common = new BenchCommandLine(200, 100_000, 4, 256, 20);
        BigDecimal limit = new BigDecimal("1.00");
        Modify modify = Modify.PRICE;
        for (BenchCommandLine.Option option : BenchCommandLine.options(args)) {
            switch (option.name()) {
                case "--limit" -> limit = priceArg(option.value());
                case "--modify" -> modify = modifyArg(option.value());
                default -> common.accept(option);
            }
        }
        String key = common.apiKey(env);
        return new LifecycleBenchOptions(common.baseUrl(), key, common.orders(), common.concurrency(),
                common.account(), common.symbol(), limit, modify, common.warmup(), common.runs());
    }

    private static BigDecimal priceArg(String value) {
        BigDecimal p;
        try {
            p = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit expects a positive price, got '" + value + "'");
        }
        if (p.signum() <= 0 || p.scale() > 2) {
            throw new IllegalArgumentException("--limit must be positive with at most 2 decimals, got '" + value + "'");
        }
        return p.setScale(2);
    }

    private static Modify modifyArg(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "price" -> Modify.PRICE;
            case "qty" -> Modify.QTY;
            default -> throw new IllegalArgumentException("--modify must be price or qty, got '" + value + "'");
        };
    }

    @Override
    public String toString() {
        return "LifecycleBenchOptions[url=" + baseUrl + ", orders=" + orders + ", concurrency=" + concurrency
                + ", modify=" + modify + ", key=<redacted>]";
    }
}
