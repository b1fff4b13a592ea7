package io.oms.server.bench;

import java.math.BigDecimal;
import java.util.Map;

/** The command line of {@code oms bench lifecycle}; same conventions as {@link OrderBench}'s options. */
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
        String url = "http://127.0.0.1:8080";
        String key = null;
        int orders = 200;
        int concurrency = 4;
        String account = "DU1234567";
        String symbol = "AAPL";
        BigDecimal limit = new BigDecimal("1.00");
        Modify modify = Modify.PRICE;
        int warmup = 20;
        int runs = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new OrderBench.HelpRequested();
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                value = args[++i];
            }
            switch (name) {
                case "--url" -> url = value;
                case "--key" -> key = value;
                case "--orders" -> orders = intArg(name, value, 1, 100_000);
                case "--concurrency" -> concurrency = intArg(name, value, 1, 256);
                case "--account" -> account = nonBlank(name, value);
                case "--symbol" -> symbol = nonBlank(name, value);
                case "--limit" -> limit = priceArg(value);
                case "--modify" -> modify = modifyArg(value);
                case "--warmup" -> warmup = intArg(name, value, 0, 100_000);
                case "--runs" -> runs = intArg(name, value, 1, 100);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        for (String name : new String[] {"OMS_API_KEY", "OMS_BOOTSTRAP_API_KEY"}) {
            if (key == null || key.isBlank()) {
                key = env.get(name);
            }
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no API key: pass --key or set OMS_API_KEY (or OMS_BOOTSTRAP_API_KEY)");
        }
        return new LifecycleBenchOptions(OrderBench.Options.loopbackUrl(url), key.strip(), orders, concurrency, account,
                symbol, limit, modify, warmup, runs);
    }

    private static int intArg(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
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
