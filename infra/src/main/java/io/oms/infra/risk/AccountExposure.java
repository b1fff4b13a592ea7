package io.oms.infra.risk;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exposure values of one account, by symbol, as leverage and concentration measure them. A symbol's exposure is
 * the larger of |position + working buys| and |position - working sells| in value (the worst the book can become if
 * every working order on one side fills; orders on the other side do not offset it, as they may never fill). A
 * position is valued at its symbol's price ({@link RiskSnapshot#priceOf}), a working order at its limit price, else
 * that price. Multipliers (options, futures) are not applied: values are quantity x price, as for MAX_NOTIONAL.
 */
public final class AccountExposure {
    private record Legs(BigDecimal position, BigDecimal buys, BigDecimal sells) {
        static final Legs NONE = new Legs(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        BigDecimal value() {
            return position.add(buys).abs().max(position.subtract(sells).abs());
        }
    }

    private final Map<String, Legs> bySymbol;
    private final Set<String> unpriced;

    private AccountExposure(Map<String, Legs> bySymbol, Set<String> unpriced) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
        this.unpriced = Collections.unmodifiableSet(unpriced);
    }

    /** The account's positions and working orders as the snapshot holds them. */
    public static AccountExposure of(RiskSnapshot snapshot) {
        Map<String, Legs> legs = new TreeMap<>();
        Set<String> unpriced = new TreeSet<>();
        for (HeldPosition p : snapshot.positions()) {
            if (p.quantity().signum() == 0) continue;
            BigDecimal price = snapshot.priceOf(p.symbol());
            if (price == null) unpriced.add(p.symbol());
            BigDecimal value = price == null ? BigDecimal.ZERO : p.quantity().multiply(price);
            legs.merge(p.symbol(), new Legs(value, BigDecimal.ZERO, BigDecimal.ZERO), AccountExposure::sum);
        }
        for (SnapshotOrder o : snapshot.workingOrders()) {
            BigDecimal price = o.limitPrice() != null ? o.limitPrice() : snapshot.priceOf(o.symbol());
            if (price == null) unpriced.add(o.symbol());
            BigDecimal value = price == null ? BigDecimal.ZERO : o.remaining().multiply(price);
            legs.merge(o.symbol(), side(o.side(), value), AccountExposure::sum);
        }
        return new AccountExposure(legs, unpriced);
    }

    /** The same book with one more working order of this value ("BUY"/"SELL"). */
    public AccountExposure plus(String symbol, String side, BigDecimal value) {
        Map<String, Legs> legs = new TreeMap<>(bySymbol);
        legs.merge(symbol, side(side, value), AccountExposure::sum);
        return new AccountExposure(legs, new TreeSet<>(unpriced));
    }

    /** The symbol's exposure value (0 when the account neither holds nor works it). */
    public BigDecimal value(String symbol) {
        return bySymbol.getOrDefault(symbol, Legs.NONE).value();
    }

    /** Sum of every symbol's exposure value. */
    public BigDecimal gross() {
        return bySymbol.values().stream().map(Legs::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every symbol held or worked, in order. */
    public Set<String> symbols() {
        return bySymbol.keySet();
    }

    /** Symbols some of whose exposure could not be valued (no price at all): the values above understate them. */
    public Set<String> unpriced() {
        return unpriced;
    }

    private static Legs side(String side, BigDecimal value) {
        return "BUY".equals(side) ? new Legs(BigDecimal.ZERO, value, BigDecimal.ZERO)
                : new Legs(BigDecimal.ZERO, BigDecimal.ZERO, value);
    }

    private static Legs sum(Legs a, Legs b) {
        return new Legs(a.position().add(b.position()), a.buys().add(b.buys()), a.sells().add(b.sells()));
    }
}
