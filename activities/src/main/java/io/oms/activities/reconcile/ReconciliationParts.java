package io.oms.activities.reconcile;

import io.oms.activities.ledger.LedgerActivitiesImpl;
import io.oms.ib.client.IbConnector;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.reconcile.DiscrepancyWriter;
import io.oms.infra.reconcile.ExternalOrderWriter;
import io.oms.infra.reconcile.FindingWriter;
import io.oms.infra.reconcile.OmsBookReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The database and Temporal parts a broker-side reconciliation needs; the worker adds its IB session. */
@Component
public class ReconciliationParts {
    private final WorkflowClient client;
    private final LedgerActivitiesImpl ledger;
    private final OmsBookReader oms;
    private final ExternalOrderWriter externals;
    private final AuditRepository audit;
    private final TransactionTemplate tx;
    private final FindingWriter findings;
    private final DiscrepancyWriter discrepancies;
    private final OutboxRepository outbox;
    private final OrderRepository orders;
    private final MeterRegistry meters;

    public ReconciliationParts(WorkflowClient client, LedgerActivitiesImpl ledger, OmsBookReader oms, OrderRepository orders,
                               MeterRegistry meters,
                               ExternalOrderWriter externals, AuditRepository audit, TransactionTemplate tx,
                               FindingWriter findings, DiscrepancyWriter discrepancies, OutboxRepository outbox) {
        this.client = client;
        this.ledger = ledger;
        this.oms = oms;
        this.externals = externals;
        this.audit = audit;
        this.tx = tx;
        this.findings = findings;
        this.discrepancies = discrepancies;
        this.outbox = outbox;
        this.orders = orders;
        this.meters = meters;
    }

    /** The broker-side activities for the IB session {@code connector}. */
    public BrokerReconciliationActivitiesImpl brokerActivities(IbConnector connector, ReconcileTimings timings) {
        Clock clock = Clock.systemUTC();
        return new BrokerReconciliationActivitiesImpl(connector, oms,
                new Repairs(client, ledger, orders, externals, audit, tx, clock),
                new PositionReview(oms, discrepancies, timings.settle(), clock),
                ticket -> new RunJournal(findings, outbox, clock, ticket, meters), timings, clock, meters);
    }
}
