package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the OMS_SIM_* settings; kept apart from SimulatorConfig so the record stays readable. */
final class SimulatorEnvironment {
    private SimulatorEnvironment() {}

    static SimulatorConfig apply(SimulatorConfig c, Function<String, String> env) {
        String v;
        if ((v = get(env, "OMS_SIM_HOST")) != null) c = c.withHost(v);
        if ((v = get(env, "OMS_SIM_PORT")) != null) c = c.withPort(Integer.parseInt(v));
        if ((v = get(env, "OMS_SIM_SEED")) != null) c = c.withSeed(Long.parseLong(v));
        if ((v = get(env, "OMS_SIM_ACCOUNTS")) != null) c = c.withAccounts(Arrays.stream(v.split(",")).map(String::trim).toList());
        if ((v = get(env, "OMS_SIM_PRICES")) != null) c = c.withInitialPrices(prices(v));
        if ((v = get(env, "OMS_SIM_VOLATILITY_BPS")) != null) c = c.withVolatilityBps(new BigDecimal(v));
        if ((v = get(env, "OMS_SIM_TICK_MS")) != null) c = c.withTickInterval(Duration.ofMillis(Long.parseLong(v)));
        if ((v = get(env, "OMS_SIM_SLICE")) != null) c = c.withMaxFillSlice(new BigDecimal(v));
        if ((v = get(env, "OMS_SIM_SLICE_DELAY_MS")) != null) c = c.withSliceDelay(Duration.ofMillis(Long.parseLong(v)));
        if ((v = get(env, "OMS_SIM_REJECT_SYMBOLS")) != null) c = c.withRejectSymbols(list(v));
        if ((v = get(env, "OMS_SIM_COMMISSION_PER_SHARE")) != null) c = c.withCommissionPerShare(new BigDecimal(v));
        if ((v = get(env, "OMS_SIM_CONTROL_PORT")) != null) c = c.withControlPort(Integer.parseInt(v));
        if ((v = get(env, "OMS_SIM_TIME_ZONE")) != null) c = c.withTimeZone(ZoneId.of(v));
        if ((v = get(env, "OMS_SIM_OPEN_TIME")) != null) c = c.withOpenTime(LocalTime.parse(v));
        if ((v = get(env, "OMS_SIM_CLOSE_TIME")) != null) c = c.withCloseTime(off(v) ? null : LocalTime.parse(v));
        if ((v = get(env, "OMS_SIM_PACING_LIMIT")) != null) c = c.withPacingLimit(Integer.parseInt(v));
        if ((v = get(env, "OMS_SIM_PACING_MODE")) != null) c = c.withPacingMode(PacingMode.valueOf(v.toUpperCase(Locale.ROOT)));
        if ((v = get(env, "OMS_SIM_MAX_MKT_DATA_LINES")) != null) c = c.withMaxMarketDataLines(Integer.parseInt(v));
        if ((v = get(env, "OMS_SIM_CLOCK_START")) != null) c = c.withClockStart(off(v) ? null : Instant.parse(v));
        return c;
    }

    private static String get(Function<String, String> env, String key) {
        String v = env.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean off(String v) { return v.equalsIgnoreCase("off") || v.equalsIgnoreCase("none"); }

    private static Set<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** "AAPL=190.00,MSFT=410" */
    private static Map<String, BigDecimal> prices(String v) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String kv : v.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) throw new IllegalArgumentException("OMS_SIM_PRICES wants SYMBOL=PRICE pairs: " + kv);
            m.put(p[0].trim(), new BigDecimal(p[1].trim()));
        }
        return m;
    }
}
