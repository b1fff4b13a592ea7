package io.oms.activities.ledger;

import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.DuplicateClientOrderIdException;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.persistence.OrderUpsert;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PositionRepository;
import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.ErrorCode;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger activities: orders, executions, positions and their audit trail, each call in one
 * transaction (through {@link TransactionTemplate}, not {@code @Transactional}: Temporal needs the plain
 * bean, not a proxy). Every method is idempotent, so Temporal may retry any of them.
 */
@Component
public class LedgerActivitiesImpl implements LedgerActivities {
    private static final Logger log = LoggerFactory.getLogger(LedgerActivitiesImpl.class);

    private final TransactionTemplate tx;
    private final OrderRepository orders;
    private final ExecutionRepository executions;
    private final PositionRepository positions;
    private final AuditRepository audit;
    private final ExecutionLedger fills;
    private final OutboxRepository outbox;
    private final Clock clock;

    @Autowired
    public LedgerActivitiesImpl(TransactionTemplate tx, OrderRepository orders, ExecutionRepository executions,
            PositionRepository positions, AuditRepository audit, OutboxRepository outbox) {
        this(tx, orders, executions, positions, audit, outbox, Clock.systemUTC());
    }

    public LedgerActivitiesImpl(TransactionTemplate tx, OrderRepository orders, ExecutionRepository executions,
            PositionRepository positions, AuditRepository audit, OutboxRepository outbox, Clock clock) {
        this.tx = tx;
        this.orders = orders;
        this.executions = executions;
        this.positions = positions;
        this.audit = audit;
        this.fills = new ExecutionLedger(executions, positions, audit, new PositionEvents(outbox), clock);
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void recordState(StateChange change) {
        inTransaction(() -> writeState(change));
    }

    @Override
    public boolean recordFill(ExecutionRecord execution, StateChange change) {
        return inTransaction(() -> {
            boolean inserted = writeExecution(execution);
            if (change != null) {
                writeState(change);
            }
            return inserted;
        });
    }

    /** Runs ledger writes in one transaction, mapping a taken client order id to its failure type. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (DuplicateClientOrderIdException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), ErrorCode.DUPLICATE_CLIENT_ORDER_ID.name());
        }
    }

    private void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private void writeState(StateChange change) {
        OrderRow row = OrderRows.toRow(change.order());
        OrderUpsert result = orders.upsertState(row);
        if (!result.applied()) {
            // Empty previous: a concurrent attempt inserted it first (a replay), or the id is another tenant's.
            if (result.previous().isEmpty() && orders.findById(row.tenantId(), row.id()).isEmpty()) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "order " + row.id() + " belongs to another tenant", ErrorCode.STATE_CONFLICT.name());
            }
            return; // a replay of this version (its audit record exists) or an older one
        }
        audit.append(new AuditRecord(row.tenantId(), row.updatedAt(), change.actor(), change.action(),
                "order", row.id().toString(), row.version(),
                LedgerJson.order(result.previous().orElse(null)), LedgerJson.order(row),
                change.detail(), null, null));
        // In the same transaction as the change: the event exists exactly when the change was committed.
        DomainEvents.forOrderAction(change.action()).ifPresent(type -> outbox.appendEvent(row.tenantId(),
                DomainEvents.AGGREGATE_ORDER, row.id().toString(), type, row.updatedAt(), "order", LedgerJson.order(row)));
        if (DomainEvents.RISK_ACTOR.equals(change.actor())) {
            // The risk engine denied the order or is cancelling its rest: the order carries the denials.
            outbox.appendEvent(row.tenantId(), DomainEvents.AGGREGATE_ORDER, row.id().toString(),
                    DomainEvents.RISK_BREACHED, row.updatedAt(), "order", LedgerJson.order(row));
        }
    }

    @Override
    public boolean recordExecution(ExecutionRecord execution) {
        return inTransaction(() -> writeExecution(execution));
    }

    /** The execution, its corrections' effect and its position, in the caller's transaction (see {@link ExecutionLedger}). */
    private boolean writeExecution(ExecutionRecord e) {
        return fills.record(e);
    }

    @Override
    public void recordCommission(CommissionRecord c) {
        tx.executeWithoutResult(status -> fills.commission(c));
    }
}
