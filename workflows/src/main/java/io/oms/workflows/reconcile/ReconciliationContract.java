package io.oms.workflows.reconcile;

import io.oms.workflows.order.OrderWorkflowContract;
import java.time.Duration;

/**
 * The reconciliation's contract: one long-running workflow per broker account, id {@code reconcile/{account}}, that
 * compares the OMS's orders and executions, IB's view and the position book, and repairs what it can. A full run
 * follows every (re)connect of the account's IB session (the account refuses new orders until it succeeded);
 * between them, open orders are checked every {@link #OPEN_ORDERS_INTERVAL} and executions and positions every
 * {@link #POSITIONS_INTERVAL}, on durable timers.
 */
public final class ReconciliationContract {
    public static final String WORKFLOW_TYPE = "Reconciliation";
    /** With the order workflows and the database activities; the broker side runs on the connection's queue. */
    public static final String TASK_QUEUE = OrderWorkflowContract.TASK_QUEUE;
    /** Asks for a run ({@link ReconcileRequest}); a CONNECT or MANUAL request asks for a full one. */
    public static final String SIGNAL_REQUEST = "reconcile";
    public static final String QUERY_STATUS = "status";

    /** Who the repairs name in the audit log and in order.state_sync events. */
    public static final String ACTOR = "system:reconciliation";

    public static final Duration OPEN_ORDERS_INTERVAL = Duration.ofSeconds(10);
    public static final Duration POSITIONS_INTERVAL = Duration.ofSeconds(60);
    /** After a failed full run (IB down, database unreachable) the next attempt comes this much later. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    /** Runs before the workflow continues as new (a run is about a dozen history events). */
    public static final int CONTINUE_AFTER_RUNS = 100;

    private static final String PREFIX = "reconcile/";

    private ReconciliationContract() {}

    public static String workflowId(String accountCode) {
        return PREFIX + accountCode;
    }
}
