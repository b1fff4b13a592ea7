package io.oms.activities.ledger;

import io.oms.infra.persistence.ExecutionCheckpoints;
import io.oms.infra.persistence.ExecutionCheckpoints.Checkpoint;
import io.oms.infra.persistence.ExecutionCheckpoints.FoldRow;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Folds a position again from the earliest execution a change touched: from the checkpoint of the last
 * effective execution before it (flat when there is none), over the effective executions after that one. Only
 * executions whose realized P&L or checkpoint moved are written. When that checkpoint is missing (executions
 * recorded before checkpoints existed) the whole position is folded once, which writes every checkpoint.
 * The caller holds the position row's lock.
 */
final class SuffixRefold {
    private final ExecutionCheckpoints checkpoints;

    SuffixRefold(ExecutionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** The position after folding from before the earliest of {@code touched} (executions of this account). */
    Position from(String tenant, String account, String symbol, Collection<String> touched) {
        Optional<FoldRow> start = checkpoints.lastEffectiveBefore(tenant, account, symbol, touched);
        if (start.isPresent() && start.get().after().present()) {
            FoldRow s = start.get();
            return fold(tenant, account, position(s.after()),
                    checkpoints.effectiveAfter(tenant, account, symbol, s.executedAt(), s.execId()));
        }
        return fold(tenant, account, Position.FLAT, checkpoints.effective(tenant, account, symbol));
    }

    /** Writes the checkpoint of an execution folded onto {@code before}. */
    void write(String tenant, String account, String execId, Position before, Position after) {
        checkpoints.write(tenant, account, execId, after.realizedPnl().subtract(before.realizedPnl()), checkpoint(after));
    }

    private Position fold(String tenant, String account, Position position, List<FoldRow> suffix) {
        for (FoldRow fill : suffix) {
            Position moved = PositionMath.apply(position, Side.valueOf(fill.side()), fill.quantity(), fill.price());
            BigDecimal realized = moved.realizedPnl().subtract(position.realizedPnl());
            if (!same(fill.realizedPnl(), realized) || !same(fill.after(), moved)) {
                checkpoints.write(tenant, account, fill.execId(), realized, checkpoint(moved));
            }
            position = moved;
        }
        return position;
    }

    private static boolean same(Checkpoint stored, Position p) {
        return stored.present() && same(stored.quantity(), p.quantity()) && same(stored.avgCost(), p.avgCost())
                && same(stored.realized(), p.realizedPnl());
    }

    private static boolean same(BigDecimal stored, BigDecimal value) {
        return stored != null && stored.compareTo(value) == 0;
    }

    private static Position position(Checkpoint c) {
        return new Position(c.quantity(), c.avgCost(), c.realized());
    }

    private static Checkpoint checkpoint(Position p) {
        return new Checkpoint(p.quantity(), p.avgCost(), p.realizedPnl());
    }
}
