package io.oms.activities.ledger;

import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Weighted-average-cost position keeping. Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>A fill in the direction of the position (or from flat) adds to it; the average cost becomes the
 *       quantity-weighted average of the old cost and the fill price.
 *   <li>A fill against the position closes up to its size and realizes
 *       {@code (fill price - avg cost) * closed quantity * sign(old position)}; the average cost of what
 *       remains is unchanged.
 *   <li>A fill larger than the position flips it: the old position closes entirely and the remainder opens
 *       at the fill price.
 *   <li>A flat position has average cost 0.
 * </ul>
 *
 * Average costs are rounded to 34 significant digits ({@link MathContext#DECIMAL128}); everything else is exact.
 */
public final class PositionMath {
    static final MathContext PRECISION = MathContext.DECIMAL128;

    private PositionMath() {}

    public static Position apply(Position position, Side side, BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive: " + quantity);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be positive: " + price);
        }
        BigDecimal old = position.quantity();
        BigDecimal fill = side == Side.BUY ? quantity : quantity.negate();
        BigDecimal next = old.add(fill);

        if (old.signum() == 0 || old.signum() == fill.signum()) {
            BigDecimal cost = old.abs().multiply(position.avgCost()).add(quantity.multiply(price));
            return new Position(next, cost.divide(next.abs(), PRECISION), position.realizedPnl());
        }

        BigDecimal closed = quantity.min(old.abs());
        BigDecimal realized = price.subtract(position.avgCost()).multiply(closed).multiply(BigDecimal.valueOf(old.signum()));
        BigDecimal pnl = position.realizedPnl().add(realized);
        if (next.signum() == 0) {
            return new Position(BigDecimal.ZERO, BigDecimal.ZERO, pnl);
        }
        BigDecimal avg = next.signum() == old.signum() ? position.avgCost() : price; // partial close : flip
        return new Position(next, avg, pnl);
    }
}
