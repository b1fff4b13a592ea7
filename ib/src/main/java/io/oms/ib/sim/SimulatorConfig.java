package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Gateway simulator settings; every random choice derives from seed so runs are reproducible. */
public record SimulatorConfig(String host, int port, List<String> accounts, long seed,
                              Map<String, BigDecimal> initialPrices, BigDecimal volatilityBps, Duration tickInterval,
                              BigDecimal maxFillSlice, Duration sliceDelay, Set<String> rejectSymbols,
                              BigDecimal commissionPerShare, int controlPort) {
    public static final BigDecimal MIN_COMMISSION = new BigDecimal("1.00");
    /** Price of symbols not in initialPrices. */
    public static final BigDecimal DEFAULT_PRICE = new BigDecimal("100.00");

    public SimulatorConfig {
        accounts = List.copyOf(accounts);
        initialPrices = Map.copyOf(initialPrices);
        rejectSymbols = Set.copyOf(rejectSymbols);
        if (accounts.isEmpty()) throw new IllegalArgumentException("at least one account");
        if (maxFillSlice.signum() <= 0) throw new IllegalArgumentException("maxFillSlice must be positive");
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 4002, List.of("DU1234567"), 42L,
                Map.of("AAPL", new BigDecimal("190.00"), "MSFT", new BigDecimal("410.00"), "SPY", new BigDecimal("500.00")),
                new BigDecimal("5"), Duration.ofMillis(100), new BigDecimal("100"), Duration.ofMillis(50),
                Set.of("REJECT"), new BigDecimal("0.005"), -1);
    }

    /** OMS_SIM_* environment variables (or system properties of the same name) over the defaults. */
    public static SimulatorConfig fromEnvironment() {
        Function<String, String> get = k -> System.getProperty(k, System.getenv(k));
        SimulatorConfig c = defaults();
        String v;
        if ((v = get.apply("OMS_SIM_HOST")) != null) c = c.withHost(v);
        if ((v = get.apply("OMS_SIM_PORT")) != null) c = c.withPort(Integer.parseInt(v.trim()));
        if ((v = get.apply("OMS_SIM_SEED")) != null) c = c.withSeed(Long.parseLong(v.trim()));
        if ((v = get.apply("OMS_SIM_SLICE")) != null) c = c.withMaxFillSlice(new BigDecimal(v.trim()));
        if ((v = get.apply("OMS_SIM_SLICE_DELAY_MS")) != null) c = c.withSliceDelay(Duration.ofMillis(Long.parseLong(v.trim())));
        if ((v = get.apply("OMS_SIM_TICK_MS")) != null) c = c.withTickInterval(Duration.ofMillis(Long.parseLong(v.trim())));
        if ((v = get.apply("OMS_SIM_CONTROL_PORT")) != null) c = c.withControlPort(Integer.parseInt(v.trim()));
        return c;
    }

    public SimulatorConfig withHost(String h) { return new SimulatorConfig(h, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withPort(int p) { return new SimulatorConfig(host, p, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withAccounts(List<String> a) { return new SimulatorConfig(host, port, a, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withSeed(long s) { return new SimulatorConfig(host, port, accounts, s, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withInitialPrices(Map<String, BigDecimal> p) { return new SimulatorConfig(host, port, accounts, seed, p, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withVolatilityBps(BigDecimal v) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, v, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withTickInterval(Duration d) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, d, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withMaxFillSlice(BigDecimal s) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, s, sliceDelay, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withSliceDelay(Duration d) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, d, rejectSymbols, commissionPerShare, controlPort); }
    public SimulatorConfig withRejectSymbols(Set<String> r) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, r, commissionPerShare, controlPort); }
    public SimulatorConfig withCommissionPerShare(BigDecimal c) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, c, controlPort); }
    public SimulatorConfig withControlPort(int p) { return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, p); }
}
