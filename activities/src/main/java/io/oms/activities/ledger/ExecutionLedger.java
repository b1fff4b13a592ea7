package io.oms.activities.ledger;

import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.ExecutionRepository.PendingCommission;
import io.oms.infra.persistence.ExecutionRepository.Revision;
import io.oms.infra.persistence.ExecutionRow;
import io.oms.infra.persistence.NewExecution;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.domain.ExecId;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executions, their corrections and commissions, and the positions they make. A position is by definition
 * the fold of {@link PositionMath} over its effective executions in canonical order (executed_at, then exec
 * id); a fill that comes last in that order is applied incrementally, anything else (a fill from the past, a
 * correction) recomputes the position from its executions. Every method runs inside the caller's transaction
 * and takes the position row's lock before changing executions, so one position is never folded twice at once.
 */
final class ExecutionLedger {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLedger.class);

    private final ExecutionRepository executions;
    private final PositionRepository positions;
    private final AuditRepository audit;
    private final PositionEvents events;
    private final Clock clock;

    ExecutionLedger(ExecutionRepository executions, PositionRepository positions, AuditRepository audit,
                    PositionEvents events, Clock clock) {
        this.executions = executions;
        this.positions = positions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records the fill once per (account, execId); true when it was new. */
    boolean record(ExecutionRecord e) {
        String tenant = e.tenantId().value();
        ExecId id = new ExecId(e.execId());
        executions.lockExecId(e.account(), e.execId());
        PositionRow current = positions.lockOrCreate(tenant, e.account(), e.symbol());
        boolean inserted = executions.insertIfAbsent(new NewExecution(tenant, e.orderId().value(), e.account(),
                e.execId(), e.symbol(), e.side().name(), e.quantity(), e.price(), e.exchange(), e.brokerOrderId(),
                e.permId(), e.executedAt(), id.base(), id.revision()));
        if (!inserted) {
            executions.orderOf(e.account(), e.execId()).filter(owner -> !owner.equals(e.orderId().value()))
                    .ifPresent(owner -> log.error("exec id {} of account {} is already recorded for order {}; "
                            + "not applied to order {}", e.execId(), e.account(), owner, e.orderId()));
            return false;
        }
        Optional<PendingCommission> early = executions.takePendingCommission(tenant, e.account(), e.execId());
        early.ifPresent(c -> executions.setCommission(tenant, e.account(), e.execId(), c.commission(), c.currency()));
        audit.append(new AuditRecord(tenant, clock.instant(), "broker", "execution.recorded", "execution",
                e.account() + ":" + e.execId(), 1L, null, LedgerJson.execution(e), null, null, null));

        List<Revision> revisions = executions.revisions(tenant, e.account(), id.base());
        String latest = revisions.getLast().execId();
        if (!latest.equals(e.execId())) {
            // A lower revision arriving after its correction: kept for the audit trail, it changes nothing.
            supersede(tenant, e.account(), e.execId(), latest);
            return true;
        }
        boolean corrected = false;
        for (Revision r : revisions) {
            if (!r.execId().equals(e.execId()) && r.supersededBy() == null) {
                supersede(tenant, e.account(), r.execId(), e.execId());
                corrected = true;
            }
        }
        PositionRow next;
        if (corrected || executions.hasEffectiveAfter(tenant, e.account(), e.symbol(), e.executedAt(), e.execId())) {
            next = recompute(current);
        } else {
            Position moved = PositionMath.apply(PositionFold.of(current), e.side(), e.quantity(), e.price());
            executions.setRealized(tenant, e.account(), e.execId(), moved.realizedPnl().subtract(current.realizedPnl()));
            BigDecimal commission = early.map(PendingCommission::commission).orElse(BigDecimal.ZERO);
            next = PositionFold.row(current, moved, current.commissions().add(commission), clock.instant());
        }
        positions.save(next);
        events.positionUpdated(next, e.execId());
        return true;
    }

    /** Joins the commission to its execution whenever it arrives; before the execution it is kept until then. */
    void commission(CommissionRecord c) {
        String tenant = c.tenantId().value();
        executions.lockExecId(c.account(), c.execId());
        Optional<ExecutionRow> execution = executions.find(tenant, c.account(), c.execId());
        if (execution.isEmpty()) {
            executions.keepPendingCommission(tenant, c.account(), c.execId(), c.commission(), c.currency());
            log.info("commission for {}:{} of tenant {} arrived before its execution; kept until it is recorded",
                    c.account(), c.execId(), tenant);
            return;
        }
        PositionRow p = positions.lockOrCreate(tenant, c.account(), execution.get().symbol());
        if (!executions.setCommission(tenant, c.account(), c.execId(), c.commission(), c.currency())) {
            return; // already joined: a replay
        }
        audit.append(new AuditRecord(tenant, clock.instant(), "broker", "execution.commission", "execution",
                c.account() + ":" + c.execId(), 2L, null,
                LedgerJson.fields(Map.of("commission", c.commission(), "currency", String.valueOf(c.currency()))),
                null, null, null));
        if (!execution.get().effective()) {
            return; // a replaced execution's commission goes with it: its correction brings its own
        }
        PositionRow next = new PositionRow(p.tenantId(), p.account(), p.symbol(), p.quantity(), p.avgCost(),
                p.realizedPnl(), p.commissions().add(c.commission()), clock.instant());
        positions.save(next);
        events.positionUpdated(next, c.execId());
    }

    /** The position folded again from its effective executions, each execution's realized P&L rewritten. */
    private PositionRow recompute(PositionRow current) {
        String tenant = current.tenantId();
        Position position = Position.FLAT;
        BigDecimal commissions = BigDecimal.ZERO;
        for (ExecutionRow fill : executions.effectiveFills(tenant, current.account(), current.symbol())) {
            Position moved = PositionMath.apply(position, Side.valueOf(fill.side()), fill.quantity(), fill.price());
            BigDecimal realized = moved.realizedPnl().subtract(position.realizedPnl());
            if (fill.realizedPnl() == null || realized.compareTo(fill.realizedPnl()) != 0) {
                executions.setRealized(tenant, fill.account(), fill.execId(), realized);
            }
            position = moved;
            if (fill.commission() != null) {
                commissions = commissions.add(fill.commission());
            }
        }
        return PositionFold.row(current, position, commissions, clock.instant());
    }

    private void supersede(String tenant, String account, String execId, String by) {
        executions.markSuperseded(tenant, account, execId, by);
        audit.append(new AuditRecord(tenant, clock.instant(), "broker", "execution.superseded", "execution",
                account + ":" + execId, 3L, null, LedgerJson.fields(Map.of("superseded_by", by)), null, null, null));
    }
}
