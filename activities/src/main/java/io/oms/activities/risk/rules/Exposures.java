package io.oms.activities.risk.rules;

import io.oms.infra.risk.AccountExposure;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.domain.Side;
import io.oms.workflows.risk.OrderIntent;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the leverage and concentration rules share: whether an order adds exposure, and its value. */
final class Exposures {
    /** Ratios and percents are compared at this many decimals, rounded up so a breach is never rounded away. */
    static final int SCALE = 6;

    private Exposures() {}

    /**
     * True when the order raises its symbol's exposure (the larger side of position + working orders, in shares).
     * An order that does not (a sell against a long no larger than it) can only lower the account's exposure, so
     * leverage and concentration never deny it: an account over its limit can always be brought back under.
     */
    static boolean raises(OrderIntent order, RiskSnapshot snapshot) {
        String symbol = order.symbol();
        BigDecimal held = snapshot.position(symbol);
        BigDecimal buys = snapshot.working(symbol, "BUY").add(order.side() == Side.BUY ? order.quantity() : BigDecimal.ZERO);
        BigDecimal sells = snapshot.working(symbol, "SELL").add(order.side() == Side.SELL ? order.quantity() : BigDecimal.ZERO);
        BigDecimal after = held.add(buys).abs().max(held.subtract(sells).abs());
        return after.compareTo(snapshot.exposure(symbol)) > 0;
    }

    /** The order's price as MAX_NOTIONAL values it: limit price, else last price, else stop price; null when none. */
    static BigDecimal price(OrderIntent order, RiskSnapshot snapshot) {
        if (order.limitPrice() != null) return order.limitPrice();
        return snapshot.lastPrice() != null ? snapshot.lastPrice() : order.stopPrice();
    }

    /** The account's book with the order added as one more working order; null when the order has no price. */
    static AccountExposure after(OrderIntent order, RiskSnapshot snapshot) {
        BigDecimal price = price(order, snapshot);
        if (price == null) return null;
        return AccountExposure.of(snapshot).plus(order.symbol(), order.side().name(), order.quantity().multiply(price));
    }

    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, SCALE, RoundingMode.UP);
    }

    static boolean positive(BigDecimal equity) {
        return equity != null && equity.signum() > 0;
    }
}
