package io.oms.activities.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.IbConnector;
import io.oms.infra.reconcile.Finding;
import io.oms.infra.reconcile.OmsBookReader;
import io.oms.infra.reconcile.OmsOrder;
import io.oms.workflows.activities.BrokerReconciliationActivities;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.ErrorCode;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run against IB, on the worker that holds the account's session: capture IB's view, compare it with the OMS's,
 * look again a moment later at what differs (live events may be on their way), repair, then compare positions once
 * the repaired fills are recorded.
 */
public final class BrokerReconciliationActivitiesImpl implements BrokerReconciliationActivities {
    private final IbConnector connector;
    private final OmsBookReader oms;
    private final Repairs repairs;
    private final PositionReview positions;
    private final JournalFactory journals;
    private final ReconcileTimings timings;
    private final Clock clock;
    private final MeterRegistry meters;
    /** How long a run took against IB, by scope and outcome (the per-account "recon duration" SLI). */
    static final String DURATION_METRIC = "oms.reconciliation.duration";

    /** Makes the journal of a run (its findings and their events). */
    public interface JournalFactory {
        RunJournal open(RunTicket ticket);
    }

    BrokerReconciliationActivitiesImpl(IbConnector connector, OmsBookReader oms, Repairs repairs, PositionReview positions,
                                       JournalFactory journals, ReconcileTimings timings, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.connector = connector;
        this.oms = oms;
        this.repairs = repairs;
        this.positions = positions;
        this.journals = journals;
        this.timings = timings;
        this.clock = clock;
    }

    @Override
    public RunOutcome reconcile(RunTicket ticket) {
        long started = System.nanoTime();
        String outcome = "FAILED";
        try {
            RunOutcome result = compareAndRepair(ticket);
            outcome = "SUCCEEDED";
            return result;
        } finally {
            Timer.builder(DURATION_METRIC).tags("scope", ticket.scope().name(), "status", outcome)
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private RunOutcome compareAndRepair(RunTicket ticket) {
        RunJournal journal = journals.open(ticket);
        Map<String, Integer> compared = new LinkedHashMap<>();
        awaitSession();
        if (!connector.managedAccounts().contains(ticket.account())) {
            if (ticket.scope() != io.oms.workflows.reconcile.RunScope.FULL) {
                return new RunOutcome(compared, 0, 0, 0, null, null); // said once, by the full run
            }
            journal.add(Finding.of("ACCOUNT_NOT_MANAGED", "NONE", "the IB session manages " + connector.managedAccounts()
                    + ", not " + ticket.account() + "; its orders will be rejected by IB"));
            return new RunOutcome(compared, journal.findings(), journal.repairs(), 0, null, null);
        }
        BrokerSnapshots snapshots = new BrokerSnapshots(connector, timings.brokerRequest());
        Reconciler reconciler = new Reconciler(ticket.tenantId(), timings.unknownAfter());
        Look look = look(ticket, snapshots, reconciler);
        if (look.plan().hasSuspects()) {
            // Live events may be on their way: look at both sides again a moment later, and act only on what both
            // looks found.
            sleep(timings.settle().toMillis());
            Look first = look;
            look = look(ticket, snapshots, reconciler);
            look = new Look(look.ib(), look.plan().confirmedBy(first.plan()));
        }
        BrokerSnapshot ib = look.ib();
        Plan plan = look.plan();
        List<String> signalled = repairs.apply(ticket.tenantId(), plan, journal);
        awaitRecorded(ticket.account(), signalled);
        compared.put("omsLiveOrders", oms.liveOrders(ticket.tenantId(), ticket.account()).size());
        compared.put("brokerOpenOrders", ib.openOrders().size());
        compared.put("brokerCompletedOrders", ib.completedOrders().size());
        compared.put("brokerExecutions", ib.executions().size());
        compared.put("omsExecutionsMatched", oms.knownExecIds(ticket.account(), execIds(ib)).size());
        int discrepancies = 0;
        if (ib.positionsReported()) {
            PositionReview.Result review = positions.review(ticket, ib.positions(), () -> fromIb(() -> snapshots.positions(ticket.account())),
                    journal);
            compared.put("brokerPositions", ib.positions().size());
            compared.put("omsPositions", review.omsPositions());
            discrepancies = review.discrepancies();
        }
        var newest = ib.newestExecution();
        return new RunOutcome(compared, journal.findings(), journal.repairs(), discrepancies,
                newest.map(ExecutionEvent::time).orElse(null), newest.map(ExecutionEvent::execId).orElse(null));
    }

    /** IB's view and what it differs in from the OMS's, at one moment. */
    private record Look(BrokerSnapshot ib, Plan plan) {}

    private Look look(RunTicket ticket, BrokerSnapshots snapshots, Reconciler reconciler) {
        BrokerSnapshot ib = fromIb(() -> snapshots.capture(ticket));
        OmsSide side = read(ticket, ib, reconciler);
        if (ib.completedOrders().isEmpty() && ticket.scope().comparesOrders() && reconciler.needsCompletedOrders(ib, side)) {
            BrokerSnapshot withoutCompleted = ib;
            ib = fromIb(() -> snapshots.withCompleted(withoutCompleted, ticket.account()));
            side = read(ticket, ib, reconciler);
        }
        return new Look(ib, reconciler.compare(ib, side, clock.instant()));
    }

    /** A run right after a (re)connect may start while the session finishes its own re-sync: wait for it, bounded. */
    private void awaitSession() {
        boolean ready;
        try {
            ready = connector.awaitReady(timings.brokerRequest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = false;
        }
        if (!ready) {
            throw ApplicationFailure.newFailure("the IB session is not connected", ErrorCode.BROKER_UNAVAILABLE.name());
        }
    }

    /** An IB request that failed or timed out fails the run (retryable): it never compares against half a picture. */
    private static <T> T fromIb(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalStateException e) {
            throw ApplicationFailure.newFailure(e.getMessage(), ErrorCode.BROKER_TIMEOUT.name());
        }
    }

    private OmsSide read(RunTicket ticket, BrokerSnapshot ib, Reconciler reconciler) {
        Set<String> named = new HashSet<>();
        Stream.of(ib.openOrders().stream().map(o -> o.orderRef()), ib.completedOrders().stream().map(o -> o.orderRef()),
                        ib.executions().stream().map(ExecutionEvent::orderRef))
                .flatMap(s -> s).map(reconciler::clientOrderIdOf).filter(java.util.Objects::nonNull).forEach(named::add);
        List<OmsOrder> live = oms.liveOrders(ticket.tenantId(), ticket.account());
        Map<String, OmsOrder> byCid = new java.util.HashMap<>(oms.byClientOrderIds(ticket.tenantId(), named));
        live.forEach(o -> byCid.putIfAbsent(o.clientOrderId(), o));
        return new OmsSide(live, byCid, oms.knownExecIds(ticket.account(), execIds(ib)));
    }

    private static List<String> execIds(BrokerSnapshot ib) {
        return ib.executions().stream().map(ExecutionEvent::execId).toList();
    }

    /** The order workflows record what they were handed within moments; positions are compared after that. */
    private void awaitRecorded(String account, List<String> execIds) {
        long deadline = System.nanoTime() + timings.fillsRecorded().toNanos();
        while (!execIds.isEmpty() && oms.knownExecIds(account, execIds).size() < execIds.size()
                && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", ErrorCode.BROKER_TIMEOUT.name());
        }
    }
}
