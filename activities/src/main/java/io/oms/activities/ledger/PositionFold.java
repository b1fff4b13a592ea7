package io.oms.activities.ledger;

import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The definition of a position: the fold of {@link PositionMath} over its effective executions in canonical
 * order. Pure; the ledger keeps its stored positions equal to this, and the property tests check it.
 */
public final class PositionFold {
    private PositionFold() {}

    /** One effective fill as the fold sees it. */
    public record Fill(Side side, BigDecimal quantity, BigDecimal price, BigDecimal commission) {}

    /** The position and the commissions of these fills, taken in the given (canonical) order. */
    public record Result(Position position, BigDecimal commissions) {}

    public static Result fold(List<Fill> fills) {
        Position p = Position.FLAT;
        BigDecimal commissions = BigDecimal.ZERO;
        for (Fill f : fills) {
            p = PositionMath.apply(p, f.side(), f.quantity(), f.price());
            if (f.commission() != null) {
                commissions = commissions.add(f.commission());
            }
        }
        return new Result(p, commissions);
    }

    static Position of(PositionRow row) {
        return new Position(row.quantity(), row.avgCost(), row.realizedPnl());
    }

    static PositionRow row(PositionRow current, Position p, BigDecimal commissions, Instant at) {
        return new PositionRow(current.tenantId(), current.account(), current.symbol(), p.quantity(), p.avgCost(),
                p.realizedPnl(), commissions, at);
    }
}
