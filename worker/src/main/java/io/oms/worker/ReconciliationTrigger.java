package io.oms.worker;

import io.oms.ib.client.IbErrorEvent;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.SessionInfo;
import io.oms.infra.reconcile.AccountSyncRepository;
import io.oms.infra.reconcile.AccountSyncRow;
import io.oms.workflows.reconcile.ReconcileInput;
import io.oms.workflows.reconcile.ReconcileRequest;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.ReconciliationClient;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fail-closed around every connectivity event (protocol notes, design rule d): when the IB session or IB's own link is
 * lost, the connection's accounts go RECONCILING at once (new orders are refused); when the session is ready again, or
 * IB reports its link restored (1101, 1102), each account's reconciliation is asked for a full run, whose success lets
 * orders in again. The database and Temporal calls run on a thread of their own, never on the connector's.
 */
public final class ReconciliationTrigger implements IbEventListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationTrigger.class);
    /** Who asks for the full run after a (re)connect. */
    public static final String ACTOR = "system:broker";
    private static final Set<Integer> LINK_LOST = Set.of(1100, 2110);
    private static final Set<Integer> LINK_RESTORED = Set.of(1101, 1102);

    private final String connection;
    private final AccountSyncRepository accounts;
    private final WorkflowClient client;
    private final Duration openOrdersEvery;
    private final Duration positionsEvery;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reconciliation-trigger");
        t.setDaemon(true);
        return t;
    });

    public ReconciliationTrigger(String connection, AccountSyncRepository accounts, WorkflowClient client,
                                 Duration openOrdersEvery, Duration positionsEvery) {
        this.openOrdersEvery = openOrdersEvery;
        this.positionsEvery = positionsEvery;
        this.connection = connection;
        this.accounts = accounts;
        this.client = client;
    }

    @Override
    public void onSessionReady(SessionInfo info) {
        worker.execute(() -> reconcileAll("IB session " + connection + " ready"));
    }

    @Override
    public void onSessionLost(String reason) {
        worker.execute(() -> markAll("IB session " + connection + " lost: " + reason));
    }

    @Override
    public void onConnectivity(IbErrorEvent e) {
        if (LINK_LOST.contains(e.code())) {
            worker.execute(() -> markAll("IB reported its link lost (" + e.code() + ")"));
        } else if (LINK_RESTORED.contains(e.code())) {
            worker.execute(() -> reconcileAll("IB reported its link restored (" + e.code() + ")"));
        }
    }

    private void markAll(String why) {
        try {
            for (AccountSyncRow a : accounts.accountsOf(connection)) {
                accounts.markReconciling(a.account(), why, null);
            }
        } catch (RuntimeException ex) {
            log.warn("could not mark the accounts of {} as reconciling: {}", connection, ex.toString());
        }
    }

    private void reconcileAll(String why) {
        try {
            for (AccountSyncRow a : accounts.accountsOf(connection)) {
                accounts.markReconciling(a.account(), why + "; reconciliation requested", null);
                ReconciliationClient.request(client, new ReconcileInput(a.account(), connection, openOrdersEvery, positionsEvery),
                        new ReconcileRequest(ReconcileTrigger.CONNECT, ACTOR));
            }
            log.info("{}: full reconciliation requested for the accounts of {}", why, connection);
        } catch (RuntimeException ex) {
            log.warn("could not request the reconciliation of {}'s accounts: {}", connection, ex.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
