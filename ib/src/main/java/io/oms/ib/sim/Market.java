package io.oms.ib.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Per-symbol mid prices with a one-cent half spread, moved by a seeded Gaussian random walk.
 * Engine-thread only; iteration is in symbol order so a given seed always produces the same path.
 */
final class Market {
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private static final BigDecimal BPS = new BigDecimal("10000");
    private final Map<String, BigDecimal> mids = new TreeMap<>();
    private final Random random;
    private final BigDecimal volatilityBps;

    Market(Map<String, BigDecimal> initial, Random random, BigDecimal volatilityBps) {
        mids.putAll(initial);
        this.random = random;
        this.volatilityBps = volatilityBps;
    }

    BigDecimal mid(String symbol) { return mids.computeIfAbsent(symbol, s -> SimulatorConfig.DEFAULT_PRICE); }

    BigDecimal bid(String symbol) { return mid(symbol).subtract(TICK).max(TICK); }

    BigDecimal ask(String symbol) { return mid(symbol).add(TICK); }

    void set(String symbol, BigDecimal price) { mids.put(symbol, price.setScale(2, RoundingMode.HALF_UP).max(TICK)); }

    void step() {
        if (volatilityBps.signum() == 0) return;
        for (Map.Entry<String, BigDecimal> e : mids.entrySet()) {
            // The Gaussian draw is a unitless random factor, not money; the price itself stays BigDecimal.
            BigDecimal move = e.getValue().multiply(volatilityBps).multiply(BigDecimal.valueOf(random.nextGaussian()))
                    .divide(BPS, 2, RoundingMode.HALF_UP);
            e.setValue(e.getValue().add(move).max(TICK));
        }
    }
}
