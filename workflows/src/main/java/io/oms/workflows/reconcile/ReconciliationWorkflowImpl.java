package io.oms.workflows.reconcile;

import io.oms.workflows.activities.BrokerReconciliationActivities;
import io.oms.workflows.activities.ReconciliationActivities;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunStart;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * One account's reconciliation, forever: a full run whenever one is asked for (every (re)connect, or a person), else
 * the open-order check and the execution and position check at their intervals (the input's, by default
 * {@link ReconciliationContract#OPEN_ORDERS_INTERVAL} and {@link ReconciliationContract#POSITIONS_INTERVAL}), on
 * durable timers. A full run that fails is retried after
 * {@link ReconciliationContract#RETRY_AFTER_FAILURE} until one succeeds, since the account refuses orders meanwhile.
 */
public class ReconciliationWorkflowImpl implements ReconciliationWorkflow {
    private static final Logger log = Workflow.getLogger(ReconciliationWorkflowImpl.class);

    private final ReconciliationActivities db = Workflow.newActivityStub(ReconciliationActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5)
                            .setDoNotRetry(ErrorCode.NOT_FOUND.name()).build())
                    .build());
    private BrokerReconciliationActivities broker;
    private ReconcileInput input;
    private ReconcileRequest pendingFull;
    private int runs;
    private String lastRunId;
    private String lastRunStatus;
    private boolean accountGone;

    @Override
    public void run(ReconcileInput input, ReconcileRequest pending) {
        this.input = input;
        if (pending != null && pendingFull == null) {
            pendingFull = pending;
        }
        // The broker side runs where the account's IB session is; a lost worker is noticed within the timeout.
        broker = Workflow.newActivityStub(BrokerReconciliationActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(OrderWorkflowContract.brokerTaskQueue(input.connection()))
                .setStartToCloseTimeout(Duration.ofMinutes(3))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
                .build());
        Instant nextOpenCheck = now().plus(input.openOrdersInterval());
        Instant nextPositionCheck = now().plus(input.positionsInterval());
        while (runs < ReconciliationContract.CONTINUE_AFTER_RUNS && !accountGone) {
            Instant due = nextOpenCheck.isBefore(nextPositionCheck) ? nextOpenCheck : nextPositionCheck;
            Duration wait = Duration.between(now(), due);
            if (!wait.isNegative() && !wait.isZero()) {
                Workflow.await(wait, () -> pendingFull != null);
            }
            if (pendingFull != null) {
                ReconcileRequest request = pendingFull;
                pendingFull = null;
                if (!runOnce(request.trigger(), RunScope.FULL, request.requestedBy()) && !accountGone) {
                    // Still refusing orders: try again soon, unless a new request (a reconnect) comes first.
                    Workflow.await(ReconciliationContract.RETRY_AFTER_FAILURE, () -> pendingFull != null);
                    if (pendingFull == null) {
                        pendingFull = request;
                    }
                }
                nextOpenCheck = now().plus(input.openOrdersInterval());
                nextPositionCheck = now().plus(input.positionsInterval());
            } else if (!now().isBefore(nextPositionCheck)) {
                runOnce(ReconcileTrigger.SCHEDULE, RunScope.POSITIONS, ReconciliationContract.ACTOR);
                nextPositionCheck = now().plus(input.positionsInterval());
            } else if (!now().isBefore(nextOpenCheck)) {
                runOnce(ReconcileTrigger.SCHEDULE, RunScope.OPEN_ORDERS, ReconciliationContract.ACTOR);
                nextOpenCheck = now().plus(input.openOrdersInterval());
            }
        }
        if (accountGone) {
            log.info("broker account {} no longer exists: its reconciliation ends", input.account());
            return;
        }
        Workflow.continueAsNew(input, pendingFull);
    }

    /** One run: open it, compare and repair at the broker, close it. True when it succeeded. */
    private boolean runOnce(ReconcileTrigger trigger, RunScope scope, String requestedBy) {
        runs++;
        String runId = Workflow.randomUUID().toString();
        lastRunId = runId;
        RunTicket ticket;
        try {
            ticket = db.begin(new RunStart(runId, input.account(), input.connection(), trigger, scope, requestedBy));
        } catch (ActivityFailure failure) {
            accountGone = failure.getCause() instanceof ApplicationFailure app && ErrorCode.NOT_FOUND.name().equals(app.getType());
            lastRunStatus = "FAILED";
            log.warn("reconciliation of {} could not start: {}", input.account(), failure.getMessage());
            return false;
        }
        try {
            RunOutcome outcome = broker.reconcile(ticket);
            db.finish(ticket, outcome);
            lastRunStatus = "SUCCEEDED";
            return true;
        } catch (ActivityFailure failure) {
            lastRunStatus = "FAILED";
            String reason = failure.getCause() instanceof ApplicationFailure app ? app.getOriginalMessage() : failure.getMessage();
            log.warn("reconciliation {} of {} failed: {}", runId, input.account(), reason);
            try {
                db.fail(ticket, reason);
            } catch (ActivityFailure alsoFailed) {
                log.warn("could not record the failure of reconciliation {}: {}", runId, alsoFailed.getMessage());
            }
            return false;
        }
    }

    @Override
    public void request(ReconcileRequest request) {
        if (request.trigger().wantsFullRun()) {
            pendingFull = request;
        }
    }

    @Override
    public ReconciliationStatus status() {
        return new ReconciliationStatus(input == null ? null : input.account(), runs, pendingFull != null, lastRunId,
                lastRunStatus);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
