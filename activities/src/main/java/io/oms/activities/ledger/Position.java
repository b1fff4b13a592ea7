package io.oms.activities.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position's quantity (signed: negative = short), average cost (0 when flat) and realized P&L, as
 * {@link PositionMath} moves it.
 */
public record Position(BigDecimal quantity, BigDecimal avgCost, BigDecimal realizedPnl) {
    public static final Position FLAT = new Position(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Position {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(avgCost, "avgCost");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }
}
