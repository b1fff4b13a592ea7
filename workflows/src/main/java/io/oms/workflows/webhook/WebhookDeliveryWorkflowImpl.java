package io.oms.workflows.webhook;

import io.oms.workflows.activities.AttemptOutcome;
import io.oms.workflows.activities.AttemptRequest;
import io.oms.workflows.activities.WebhookActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;

/**
 * One delivery: wait until the predecessor settled (DB check, then the {@code predecessorSettled} signal or a
 * re-check that backs off from {@link WebhookDeliveryContract#PREDECESSOR_RECHECK} to {@link #RECHECK_MAX}), then
 * attempts {@code firstAttempt..firstAttempt + schedule.size()} with a durable timer of the schedule's wait (with
 * jitter, raised by Retry-After) between them; settle DELIVERED or DEAD, which signals the successor.
 *
 * <p>History is bounded. The attempt phase has at most 51 attempts (the schedule has at most 50 waits), about ten
 * events each. The waiting phase is not bounded by the schedule: a predecessor may itself wait behind a chain of
 * dead-endpoint deliveries of the same order, each taking a whole schedule (~24 h), so after
 * {@link #CONTINUE_AFTER_RECHECKS} re-checks (about a dozen events each, well under 10k in all) the run continues as
 * new with the same input; nothing was attempted yet, so nothing is lost.
 */
public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
    private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);
    static final Duration RECHECK_MAX = Duration.ofMinutes(10);
    static final int CONTINUE_AFTER_RECHECKS = 200;

    private final AttemptTimings timings;
    private DeliveryState state = DeliveryState.PENDING;
    private int attempts;
    private Integer lastStatusCode;
    private boolean predecessorSignalled;

    /** With the default timeouts (replay tests); the worker passes the configured ones. */
    public WebhookDeliveryWorkflowImpl() {
        this(AttemptTimings.defaults());
    }

    public WebhookDeliveryWorkflowImpl(AttemptTimings timings) {
        this.timings = timings;
    }

    @Override
    public DeliveryState deliver(DeliveryInput input) {
        // The database steps are local activities: run inside the workflow task, they cost no task round trip of
        // their own (a delivery is two workflow tasks when all goes well). A database outage must not lose a settled
        // state: about an hour of retries.
        WebhookActivities db = Workflow.newLocalActivityStub(WebhookActivities.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(40).setMaximumInterval(Duration.ofMinutes(2)).build())
                .build());
        // Heartbeats let Temporal notice a worker killed mid-attempt within seconds and run the attempt again.
        WebhookActivities http = Workflow.newActivityStub(WebhookActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(timings.startToClose())
                .setHeartbeatTimeout(AttemptTimings.HEARTBEAT_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).setInitialInterval(Duration.ofSeconds(1)).build())
                .build());
        if (input.predecessor() != null && !awaitPredecessor(input, db)) {
            Workflow.continueAsNew(input);
        }
        Random random = Workflow.newRandom();
        List<Duration> schedule = input.retrySchedule();
        int last = input.firstAttempt() + schedule.size();
        for (int n = input.firstAttempt(); n <= last; n++) {
            Duration planned = n < last ? RetryWaits.jittered(schedule.get(n - input.firstAttempt()), random) : null;
            state = DeliveryState.DELIVERING;
            AttemptOutcome outcome = attempt(http, new AttemptRequest(input.deliveryId(), input.tenantId(), n, planned));
            attempts++;
            lastStatusCode = outcome.statusCode();
            switch (outcome.kind()) {
                case DELIVERED -> {
                    return settle(db, input, DeliveryState.DELIVERED, outcome.reason());
                }
                case FAILED -> {
                    return settle(db, input, DeliveryState.DEAD, outcome.reason());
                }
                case RETRY -> {
                    if (planned == null) {
                        return settle(db, input, DeliveryState.DEAD, "ATTEMPTS_EXHAUSTED (last: " + outcome.reason() + ")");
                    }
                    state = DeliveryState.PENDING;
                    Workflow.sleep(RetryWaits.effective(planned, outcome.retryAfter()));
                }
            }
        }
        throw new IllegalStateException("unreachable: the last attempt settles the delivery");
    }

    /** True once the predecessor settled; false after {@link #CONTINUE_AFTER_RECHECKS} re-checks. */
    private boolean awaitPredecessor(DeliveryInput input, WebhookActivities db) {
        Duration recheck = WebhookDeliveryContract.PREDECESSOR_RECHECK;
        for (int i = 0; i < CONTINUE_AFTER_RECHECKS; i++) {
            if (predecessorSignalled || db.predecessorSettled(input.predecessor(), input.tenantId())) {
                return true;
            }
            Workflow.await(recheck, () -> predecessorSignalled);
            recheck = recheck.multipliedBy(2).compareTo(RECHECK_MAX) > 0 ? RECHECK_MAX : recheck.multipliedBy(2);
        }
        return predecessorSignalled;
    }

    /** An attempt whose activity failed even after its own retries counts as a retryable failure. */
    private AttemptOutcome attempt(WebhookActivities http, AttemptRequest request) {
        try {
            return http.attempt(request);
        } catch (ActivityFailure failure) {
            log.warn("webhook delivery {} attempt {} failed to run: {}", request.deliveryId(), request.attempt(),
                    failure.getMessage());
            return AttemptOutcome.retry(null, null, "ATTEMPT_ERROR");
        }
    }

    private DeliveryState settle(WebhookActivities db, DeliveryInput input, DeliveryState settled, String reason) {
        // The activity also signals the successors: from there it costs the workflow no command and no task.
        db.settle(input.deliveryId(), input.tenantId(), settled, reason);
        state = settled;
        return settled;
    }

    @Override
    public void predecessorSettled() {
        predecessorSignalled = true;
    }

    @Override
    public DeliveryStatus status() {
        return new DeliveryStatus(state, attempts, lastStatusCode);
    }
}
