package io.oms.server.bench;

import java.math.BigDecimal;
import java.util.Map;

/** The command line of {@code oms bench}; the options it shares with the lifecycle bench are in {@link BenchCommandLine}. */
record OrderBenchOptions(String baseUrl, String key, int orders, int concurrency, String account, String symbol,
                         String qty, int warmup, int runs, double rate) {

    static OrderBenchOptions parse(String[] args, Map<String, String> env) {
        BenchCommandLine common = new BenchCommandLine(1000, 1_000_000, 16, 1024, 100);
        String qty = "1";
        double rate = 0;
        for (BenchCommandLine.Option option : BenchCommandLine.options(args)) {
            if (option.name().equals("--qty")) {
                qty = qtyArg(option.value());
            } else if (option.name().equals("--rate")) {
                rate = BenchCommandLine.intArg(option.name(), option.value(), 0, 10_000);
            } else {
                common.accept(option);
            }
        }
        String key = common.apiKey(env);
        return new OrderBenchOptions(common.baseUrl(), key, common.orders(), common.concurrency(), common.account(),
                common.symbol(), qty, common.warmup(), common.runs(), rate);
    }

    private static String qtyArg(String value) {
        BigDecimal q;
        try {
            q = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--qty expects a positive number, got '" + value + "'");
        }
        if (q.signum() <= 0) {
            throw new IllegalArgumentException("--qty must be positive, got '" + value + "'");
        }
        return q.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "Options[url=" + baseUrl + ", orders=" + orders + ", concurrency=" + concurrency + ", rate=" + rate
                + ", key=<redacted>]";
    }
}
