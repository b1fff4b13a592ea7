package io.oms.server.bench;

import java.math.BigDecimal;
import java.util.Map;

/** The command line of {@code oms bench reconcile}; shares {@link BenchCommandLine} with the other HTTP benchmarks. */
record ReconcileBenchOptions(String baseUrl, String key, String simControl, int orders, BigDecimal qty,
                             int concurrency, String account, String symbol, int runs, int timeoutSeconds) {
    static final int MAX_ORDERS = 10_000;

    static final String USAGE = """
            Usage: oms bench reconcile --sim-control URL [options]
              --url URL          API base URL, loopback only (default http://127.0.0.1:8080)
              --sim-control URL  the simulator's control endpoint (OMS_SIM_CONTROL_PORT), loopback only; required
              --key KEY          API key (default: env OMS_API_KEY, else OMS_BOOTSTRAP_API_KEY)
              --orders N         MKT buys placed and filled first, not measured (default 1000)
              --qty Q            shares per order (default 500: five executions each with OMS_SIM_SLICE=100)
              --concurrency C    concurrent HTTP requests while placing the orders (default 4)
              --runs R           measured drops; with R > 1 the median of each figure is printed (default 3)
              --timeout S        seconds a run may take from the drop to SYNCED (default 120)
              --account ACCT     account (default DU1234567)
              --symbol SYM       symbol (default AAPL)
              --help             this text
            Setup: places the orders, waits until all are FILLED and counts the day's executions at the simulator.
            Each run drops every socket at the simulator (POST /drop) and polls the account's sync state
            (GET /api/v1/reconciliation/accounts, every 20 ms) until it is SYNCED again; then reads the CONNECT
            run that did it. Figures: drop to SYNCED (client clock), and from the server's timestamps the drop to
            the run's start (reconnect, session ready, trigger, workflow), the run itself (startedAt to finishedAt)
            and the run's end to SYNCED; the session-ready moment when a poll caught it.
            Exit code: 0 every run ended SYNCED by a succeeded CONNECT run, 1 errors, 2 bad arguments.
            """;

    static ReconcileBenchOptions parse(String[] args, Map<String, String> env) {
        BenchCommandLine common = new BenchCommandLine(1000, MAX_ORDERS, 4, 64, 0);
        common.runs(3);
        String simControl = null;
        BigDecimal qty = new BigDecimal("500");
        int timeout = 120;
        for (BenchCommandLine.Option option : BenchCommandLine.options(args)) {
            switch (option.name()) {
                case "--sim-control" -> simControl = controlUrl(option.value());
                case "--qty" -> qty = quantity(option.value());
                case "--timeout" -> timeout = BenchCommandLine.intArg("--timeout", option.value(), 1, 3600);
                case "--warmup" -> throw new IllegalArgumentException("unknown option --warmup");
                default -> common.accept(option);
            }
        }
        if (simControl == null) {
            throw new IllegalArgumentException("--sim-control is required: the simulator's control endpoint, e.g. "
                    + "http://127.0.0.1:4003 with OMS_SIM_CONTROL_PORT=4003 set for oms dev");
        }
        return new ReconcileBenchOptions(common.baseUrl(), common.apiKey(env), simControl, common.orders(), qty,
                common.concurrency(), common.account(), common.symbol(), common.runs(), timeout);
    }

    private static String controlUrl(String raw) {
        try {
            return BenchCommandLine.loopbackUrl(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--url", "--sim-control"));
        }
    }

    private static BigDecimal quantity(String raw) {
        BigDecimal q;
        try {
            q = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--qty expects a number, got '" + raw + "'");
        }
        if (q.signum() <= 0 || q.compareTo(new BigDecimal("100000")) > 0) {
            throw new IllegalArgumentException("--qty must be within (0, 100000], got " + raw.strip());
        }
        BigDecimal plain = q.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    @Override
    public String toString() {
        return "ReconcileBenchOptions[url=" + baseUrl + ", simControl=" + simControl + ", orders=" + orders + ", qty="
                + qty.toPlainString() + ", runs=" + runs + ", key=<redacted>]";
    }
}
