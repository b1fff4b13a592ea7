package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol markets, each with its own seeded random walk (see {@link Randoms}). Engine-thread only;
 * iteration is in symbol order so a given seed always produces the same paths. A volatility of zero
 * freezes the market: only setPrice/setQuote and fills change it.
 */
final class Market {
    private final Map<String, SymbolMarket> symbols = new TreeMap<>();
    private final Map<String, BigDecimal> initial;
    private final long seed;
    private final BigDecimal volatilityBps;
    private final Clock clock;

    Market(Map<String, BigDecimal> initial, long seed, BigDecimal volatilityBps, Clock clock) {
        this.clock = clock;
        this.initial = Map.copyOf(initial);
        this.seed = seed;
        this.volatilityBps = volatilityBps;
        initial.keySet().forEach(this::of);
    }

    SymbolMarket of(String symbol) {
        return symbols.computeIfAbsent(symbol, s -> new SymbolMarket(s, initial.getOrDefault(s, SimulatorConfig.DEFAULT_PRICE),
                Randoms.derive(seed, "walk:" + s), Randoms.derive(seed, "liquidity:" + s), clock.instant().getEpochSecond()));
    }

    BigDecimal mid(String symbol) { return of(symbol).mid(); }

    BigDecimal bid(String symbol) { return of(symbol).bid; }

    BigDecimal ask(String symbol) { return of(symbol).ask; }

    /** Moves the quote to price and prints a round-lot trade there (so last-price stop triggers see it). */
    void set(String symbol, BigDecimal price, long epochSecond) {
        SymbolMarket m = of(symbol);
        m.setMid(price);
        m.trade(m.mid().setScale(2, java.math.RoundingMode.HALF_UP), SymbolMarket.LOT, epochSecond);
    }

    /** One walk step for every symbol; false when the market is frozen (zero volatility). */
    boolean step(long epochSecond) {
        if (volatilityBps.signum() == 0) return false;
        for (SymbolMarket m : symbols.values()) m.step(volatilityBps, epochSecond);
        return true;
    }

    Collection<SymbolMarket> all() { return symbols.values(); }
}
