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
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executions, their corrections and commissions, and the positions they make. A position is by definition
 * the fold of {@link PositionMath} over its effective executions in canonical order (executed_at, then exec
 * id); a fill that comes last in that order is applied incrementally, anything else (a fill from the past, a
 * correction) refolds it from the checkpoint before the earliest execution it touched ({@link SuffixRefold}).
 * Commissions are a running sum over the effective executions. Every method runs inside the caller's transaction
 * and takes the position row's lock before changing executions, so one position is never folded twice at once.
 */
final class ExecutionLedger {
    private static final Logger log = LoggerFactory.getLogger(ExecutionLedger.class);

    private final ExecutionRepository executions;
    private final PositionRepository positions;
    private final AuditRepository audit;
    private final PositionEvents events;
    private final Clock clock;
    private final SuffixRefold refold;

    ExecutionLedger(ExecutionRepository executions, PositionRepository positions, AuditRepository audit,
                    PositionEvents events, Clock clock) {
        this.executions = executions;
        this.positions = positions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.refold = new SuffixRefold(executions.checkpoints());
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
        // Commissions are a running sum over the effective executions: this one's joins, the replaced ones' leave.
        BigDecimal commissions = current.commissions().add(early.map(PendingCommission::commission).orElse(BigDecimal.ZERO));
        List<String> touched = new ArrayList<>(List.of(e.execId()));
        for (Revision r : revisions) {
            if (!r.execId().equals(e.execId()) && r.supersededBy() == null) {
                BigDecimal replaced = executions.find(tenant, e.account(), r.execId()).map(ExecutionRow::commission).orElse(null);
                supersede(tenant, e.account(), r.execId(), e.execId());
                commissions = replaced == null ? commissions : commissions.subtract(replaced);
                touched.add(r.execId());
            }
        }
        Position moved;
        if (touched.size() > 1 || executions.hasEffectiveAfter(tenant, e.account(), e.symbol(), e.executedAt(), e.execId())) {
            // From the earliest key touched: a correction may carry another executed_at than what it replaces.
            moved = refold.from(tenant, e.account(), e.symbol(), touched);
        } else {
            moved = PositionMath.apply(PositionFold.of(current), e.side(), e.quantity(), e.price());
            refold.write(tenant, e.account(), e.execId(), PositionFold.of(current), moved);
        }
        PositionRow next = PositionFold.row(current, moved, commissions, clock.instant());
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
        // Read again under the position lock: a correction recorded meanwhile may have replaced it.
        if (!executions.find(tenant, c.account(), c.execId()).map(ExecutionRow::effective).orElse(false)) {
            return; // a replaced execution's commission goes with it: its correction brings its own
        }
        PositionRow next = new PositionRow(p.tenantId(), p.account(), p.symbol(), p.quantity(), p.avgCost(),
                p.realizedPnl(), p.commissions().add(c.commission()), clock.instant());
        positions.save(next);
        events.positionUpdated(next, c.execId());
    }

    private void supersede(String tenant, String account, String execId, String by) {
        executions.markSuperseded(tenant, account, execId, by);
        audit.append(new AuditRecord(tenant, clock.instant(), "broker", "execution.superseded", "execution",
                account + ":" + execId, 3L, null, LedgerJson.fields(Map.of("superseded_by", by)), null, null, null));
    }
}
