package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Gateway simulator settings; every random choice derives from seed so runs are reproducible.
 * <ul>
 *   <li>timeZone/openTime/closeTime: the exchange session. At closeTime the close auction fills MOC/LOC and
 *       DAY orders expire; at openTime OPG orders trade. A null closeTime turns the automatic auctions off
 *       (they can still be run by hand).</li>
 *   <li>pacingLimit: client messages per second per connection (0 = off, the default), with pacingMode.</li>
 *   <li>clockStart: when set, the simulator runs on a {@link ManualClock} starting there.</li>
 * </ul>
 */
public record SimulatorConfig(String host, int port, List<String> accounts, long seed,
                              Map<String, BigDecimal> initialPrices, BigDecimal volatilityBps, Duration tickInterval,
                              BigDecimal maxFillSlice, Duration sliceDelay, Set<String> rejectSymbols,
                              BigDecimal commissionPerShare, int controlPort, ZoneId timeZone, LocalTime openTime,
                              LocalTime closeTime, int pacingLimit, PacingMode pacingMode, int maxMarketDataLines,
                              Instant clockStart) {
    public static final BigDecimal MIN_COMMISSION = new BigDecimal("1.00");
    /** Price of symbols not in initialPrices. */
    public static final BigDecimal DEFAULT_PRICE = new BigDecimal("100.00");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("US/Eastern");

    public SimulatorConfig {
        accounts = List.copyOf(accounts);
        initialPrices = Map.copyOf(initialPrices);
        rejectSymbols = Set.copyOf(rejectSymbols);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(pacingMode, "pacingMode");
        if (accounts.isEmpty()) throw new IllegalArgumentException("at least one account");
        if (maxFillSlice.signum() <= 0) throw new IllegalArgumentException("maxFillSlice must be positive");
        if (volatilityBps.signum() < 0) throw new IllegalArgumentException("volatilityBps must be >= 0");
        if (pacingLimit < 0) throw new IllegalArgumentException("pacingLimit must be >= 0 (0 = off)");
        if (maxMarketDataLines <= 0) throw new IllegalArgumentException("maxMarketDataLines must be positive");
        if (closeTime != null && !openTime.isBefore(closeTime)) throw new IllegalArgumentException("open must be before close");
    }

    /** The original (pre-session/pacing) constructor; new settings take their defaults. */
    public SimulatorConfig(String host, int port, List<String> accounts, long seed, Map<String, BigDecimal> initialPrices,
                           BigDecimal volatilityBps, Duration tickInterval, BigDecimal maxFillSlice, Duration sliceDelay,
                           Set<String> rejectSymbols, BigDecimal commissionPerShare, int controlPort) {
        this(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval, maxFillSlice, sliceDelay,
                rejectSymbols, commissionPerShare, controlPort, DEFAULT_ZONE, LocalTime.of(9, 30), LocalTime.of(16, 0),
                0, PacingMode.REJECT, 100, null);
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 4002, List.of("DU1234567"), 42L,
                Map.of("AAPL", new BigDecimal("190.00"), "MSFT", new BigDecimal("410.00"), "SPY", new BigDecimal("500.00")),
                new BigDecimal("5"), Duration.ofMillis(100), new BigDecimal("100"), Duration.ofMillis(50),
                Set.of("REJECT"), new BigDecimal("0.005"), -1);
    }

    /** OMS_SIM_* environment variables (or system properties of the same name) over the defaults. */
    public static SimulatorConfig fromEnvironment() {
        return SimulatorEnvironment.apply(defaults(), k -> System.getProperty(k, System.getenv(k)));
    }

    public SimulatorConfig withHost(String v) { return with(b -> b.host = v); }
    public SimulatorConfig withPort(int v) { return with(b -> b.port = v); }
    public SimulatorConfig withAccounts(List<String> v) { return with(b -> b.accounts = v); }
    public SimulatorConfig withSeed(long v) { return with(b -> b.seed = v); }
    public SimulatorConfig withInitialPrices(Map<String, BigDecimal> v) { return with(b -> b.initialPrices = v); }
    public SimulatorConfig withVolatilityBps(BigDecimal v) { return with(b -> b.volatilityBps = v); }
    public SimulatorConfig withTickInterval(Duration v) { return with(b -> b.tickInterval = v); }
    public SimulatorConfig withMaxFillSlice(BigDecimal v) { return with(b -> b.maxFillSlice = v); }
    public SimulatorConfig withSliceDelay(Duration v) { return with(b -> b.sliceDelay = v); }
    public SimulatorConfig withRejectSymbols(Set<String> v) { return with(b -> b.rejectSymbols = v); }
    public SimulatorConfig withCommissionPerShare(BigDecimal v) { return with(b -> b.commissionPerShare = v); }
    public SimulatorConfig withControlPort(int v) { return with(b -> b.controlPort = v); }
    public SimulatorConfig withTimeZone(ZoneId v) { return with(b -> b.timeZone = v); }
    public SimulatorConfig withOpenTime(LocalTime v) { return with(b -> b.openTime = v); }
    /** null = no automatic open/close auctions. */
    public SimulatorConfig withCloseTime(LocalTime v) { return with(b -> b.closeTime = v); }
    public SimulatorConfig withPacingLimit(int v) { return with(b -> b.pacingLimit = v); }
    public SimulatorConfig withPacingMode(PacingMode v) { return with(b -> b.pacingMode = v); }
    public SimulatorConfig withMaxMarketDataLines(int v) { return with(b -> b.maxMarketDataLines = v); }
    /** Run on a {@link ManualClock} starting at this instant (null = the system clock). */
    public SimulatorConfig withClockStart(Instant v) { return with(b -> b.clockStart = v); }

    private SimulatorConfig with(Consumer<Copy> change) {
        Copy b = new Copy(this);
        change.accept(b);
        return b.build();
    }

    /** A mutable copy so each withX names one field instead of repeating the whole constructor. */
    private static final class Copy {
        String host; int port; List<String> accounts; long seed; Map<String, BigDecimal> initialPrices;
        BigDecimal volatilityBps; Duration tickInterval; BigDecimal maxFillSlice; Duration sliceDelay;
        Set<String> rejectSymbols; BigDecimal commissionPerShare; int controlPort; ZoneId timeZone; LocalTime openTime;
        LocalTime closeTime; int pacingLimit; PacingMode pacingMode; int maxMarketDataLines; Instant clockStart;

        Copy(SimulatorConfig c) {
            host = c.host; port = c.port; accounts = c.accounts; seed = c.seed; initialPrices = c.initialPrices;
            volatilityBps = c.volatilityBps; tickInterval = c.tickInterval; maxFillSlice = c.maxFillSlice;
            sliceDelay = c.sliceDelay; rejectSymbols = c.rejectSymbols; commissionPerShare = c.commissionPerShare;
            controlPort = c.controlPort; timeZone = c.timeZone; openTime = c.openTime; closeTime = c.closeTime;
            pacingLimit = c.pacingLimit; pacingMode = c.pacingMode; maxMarketDataLines = c.maxMarketDataLines;
            clockStart = c.clockStart;
        }

        SimulatorConfig build() {
            return new SimulatorConfig(host, port, accounts, seed, initialPrices, volatilityBps, tickInterval,
                    maxFillSlice, sliceDelay, rejectSymbols, commissionPerShare, controlPort, timeZone, openTime,
                    closeTime, pacingLimit, pacingMode, maxMarketDataLines, clockStart);
        }
    }
}
