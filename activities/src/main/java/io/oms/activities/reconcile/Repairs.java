package io.oms.activities.reconcile;

import io.oms.activities.ledger.LedgerActivitiesImpl;
import io.oms.activities.ledger.OrderRows;
import io.oms.workflows.activities.StateChange;
import io.oms.ib.client.ExecutionEvent;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.reconcile.ExternalOrderWriter;
import io.oms.infra.reconcile.Finding;
import io.oms.infra.reconcile.OmsOrder;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.BrokerEvent;
import io.oms.workflows.order.BrokerEvents;
import io.oms.workflows.order.BrokerFill;
import io.oms.workflows.order.BrokerStatus;
import io.oms.workflows.order.OrderWorkflowContract;
import io.oms.workflows.reconcile.ReconciliationContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a plan's repairs. A missed fill or a final status IB reported goes to the order's own workflow as the
 * broker event it would have been (the workflow de-duplicates fills by exec id, so a repair that races the live event
 * is harmless); an order whose workflow has closed gets its fill booked in the ledger directly. Orders placed elsewhere
 * are imported with their fills. Everything found is journaled.
 */
final class Repairs {
    private final WorkflowClient client;
    private final LedgerActivitiesImpl ledger;
    private final io.oms.infra.persistence.OrderRepository orders;
    private final ExternalOrderWriter externals;
    private final AuditRepository audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Repairs(WorkflowClient client, LedgerActivitiesImpl ledger, io.oms.infra.persistence.OrderRepository orders,
            ExternalOrderWriter externals, AuditRepository audit, TransactionTemplate tx, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.orders = orders;
        this.externals = externals;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Applies the plan; the exec ids it handed to order workflows (to wait for their recording). */
    List<String> apply(String tenantId, Plan plan, RunJournal journal) {
        List<String> signalled = new java.util.ArrayList<>();
        for (Plan.MissedFill m : plan.missedFills()) {
            ExecutionEvent x = m.execution();
            boolean delivered = signal(tenantId, m.order(), BrokerEvent.of(fill(x)));
            if (delivered) {
                signalled.add(x.execId());
            } else {
                ledger.recordExecution(record(tenantId, m.order().id(), x));
            }
            journal.add(new Finding(delivered ? "MISSED_FILL" : "FILL_ON_CLOSED_ORDER", "APPLIED", m.order().id(),
                    x.symbol(), x.execId(), x.permId(), "not recorded", x.shares().toPlainString() + " @ " + x.price().toPlainString(),
                    delivered ? "IB reported an execution the OMS had not recorded; applied through the order's workflow"
                            : "IB reported an execution of an order whose workflow has closed (" + m.order().state()
                            + "); booked in the ledger, the order's state is for a person to review"));
        }
        for (Plan.StateDrift d : plan.stateDrifts()) {
            var c = d.completed();
            BigDecimal filled = c.filledQuantity() == null ? BigDecimal.ZERO : c.filledQuantity();
            BigDecimal remaining = c.quantity() == null ? null : c.quantity().subtract(filled).max(BigDecimal.ZERO);
            boolean delivered = signal(tenantId, d.order(),
                    BrokerEvent.of(new BrokerStatus(c.orderId(), c.permId(), c.status(), filled, remaining, null, null)));
            if (!delivered) {
                closeInLedger(tenantId, d.order(), c.status(), filled);
            }
            journal.add(new Finding("ORDER_STATE_DRIFT", "APPLIED", d.order().id(), d.order().symbol(),
                    null, c.permId(), d.order().state(), c.status(),
                    delivered ? "IB finished the order while the OMS still had it working; IB's final status was applied"
                            : "IB finished the order and its workflow has closed; the ledger now shows IB's final state"));
        }
        for (OmsOrder o : plan.unknownAtBroker()) {
            journal.add(new Finding("ORDER_UNKNOWN_AT_BROKER", "NONE", o.id(), o.symbol(), null, o.permId(), o.state(),
                    "absent", "IB lists the order neither as open nor as completed today"
                            + ("NEW".equals(o.state()) ? "; its in-flight check resolves it" : "; check it at IB")));
        }
        for (Plan.WorkingButClosed w : plan.workingButClosed()) {
            journal.add(new Finding("ORDER_STATE_DRIFT", "RECORDED", w.order().id(), w.order().symbol(), null,
                    w.open().permId(), w.order().state(), w.open().status(),
                    "IB still works an order the OMS considers finished; cancel it at IB or review it"));
        }
        for (Plan.ExternalSeen e : plan.externals()) {
            importExternal(tenantId, e, journal);
        }
        return signalled;
    }

    /** An order whose workflow is gone cannot apply IB's final word itself: the ledger takes it, audited. */
    private void closeInLedger(String tenantId, OmsOrder order, String ibStatus, BigDecimal ibFilled) {
        orders.findById(tenantId, order.id()).ifPresent(row -> {
            String state = ExternalOrders.state(ibStatus, ibFilled);
            var closed = new io.oms.infra.persistence.OrderRow(row.id(), row.tenantId(), row.clientOrderId(), row.account(),
                    row.symbol(), row.side(), row.type(), row.quantity(), row.limitPrice(), row.stopPrice(),
                    row.trailAmount(), row.trailPercent(), row.timeInForce(), row.expireAt(), row.outsideRth(), state,
                    row.filledQuantity().max(ibFilled), row.avgFillPrice(), row.brokerOrderId(), row.permId(),
                    row.rejectReason(), row.version() + 1, row.createdAt(), clock.instant(), row.strategy(), row.placedBy(),
                    row.riskDenials(), row.origin());
            String action = switch (state) {
                case "FILLED" -> "order.filled";
                case "CANCELED" -> "order.canceled";
                case "REJECTED" -> "order.rejected";
                default -> "order.state_synced";
            };
            ledger.recordState(new StateChange(OrderRows.toView(closed), action, ReconciliationContract.ACTOR,
                    "IB's final status " + ibStatus + " applied by reconciliation; the order's workflow had closed"));
        });
    }

    private void importExternal(String tenantId, Plan.ExternalSeen seen, RunJournal journal) {
        var o = seen.order();
        ExternalOrderWriter.Imported imported = tx.execute(status -> {
            var result = externals.upsert(o, ReconciliationContract.ACTOR, clock.instant());
            if (result.created()) {
                audit.append(new AuditRecord(tenantId, clock.instant(), ReconciliationContract.ACTOR, "order.imported",
                        "order", result.id().toString(), 1L, null, null,
                        "external order permId " + o.permId() + " " + o.side() + " " + o.quantity() + " " + o.symbol(), null, null));
            }
            return result;
        });
        for (ExecutionEvent x : seen.newExecutions()) {
            ledger.recordExecution(record(tenantId, imported.id(), x));
        }
        boolean changed = imported.created() || !imported.previousState().orElse("").equals(o.state());
        if (changed || !seen.newExecutions().isEmpty()) {
            journal.add(new Finding("EXTERNAL_ORDER", "IMPORTED", imported.id(), o.symbol(), null, o.permId(),
                    imported.previousState().orElse("absent"), o.state() + " filled " + o.filled().toPlainString(),
                    (imported.created() ? "an order placed outside the OMS was imported" : "an external order changed")
                            + (seen.newExecutions().isEmpty() ? "" : " with " + seen.newExecutions().size() + " new fill(s)")));
        }
    }

    /** True when the order's workflow took the event; false when it has closed. */
    private boolean signal(String tenantId, OmsOrder order, BrokerEvent event) {
        String workflowId = OrderWorkflowContract.workflowId(new TenantId(tenantId), new ClientOrderId(order.clientOrderId()));
        try {
            client.newUntypedWorkflowStub(workflowId)
                    .signal(OrderWorkflowContract.SIGNAL_BROKER_EVENTS, new BrokerEvents(List.of(event)));
            return true;
        } catch (WorkflowNotFoundException closed) {
            return false;
        }
    }

    static BrokerFill fill(ExecutionEvent x) {
        return new BrokerFill(x.execId(), x.orderId(), x.permId(), x.account(), x.symbol(),
                "BOT".equals(x.side()) ? Side.BUY : Side.SELL, x.shares(), x.price(), x.cumQty(), x.avgPrice(),
                x.exchange(), x.time());
    }

    private static ExecutionRecord record(String tenantId, java.util.UUID orderId, ExecutionEvent x) {
        return new ExecutionRecord(new TenantId(tenantId), new OrderId(orderId), x.account(), x.symbol(),
                "BOT".equals(x.side()) ? Side.BUY : Side.SELL, x.execId(), x.shares(), x.price(), x.exchange(),
                x.orderId(), x.permId(), x.time());
    }
}
