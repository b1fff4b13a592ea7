package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position with the price it is valued at: the last market price of its symbol, or, without one, the price of
 * its last effective execution ({@code priceAt} null then). {@code lastPrice} is null only when neither exists.
 */
public record ValuedPosition(PositionRow position, BigDecimal lastPrice, Instant priceAt) {

    /** (last price - average cost) x signed quantity; 0 when flat or unpriced. */
    public BigDecimal unrealizedPnl() {
        if (lastPrice == null || position.quantity().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return lastPrice.subtract(position.avgCost()).multiply(position.quantity());
    }

    /** Signed quantity x last price; null when unpriced. */
    public BigDecimal marketValue() {
        return lastPrice == null ? null : position.quantity().multiply(lastPrice);
    }
}
