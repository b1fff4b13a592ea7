package io.oms.workflows.breaker;

import io.oms.workflows.activities.BreakerCheck;
import io.oms.workflows.activities.CircuitBreakerActivities;
import io.oms.workflows.domain.TenantId;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A durable timer loop: evaluate (the activity reads the breakers, measures, trips), sleep for the interval the
 * activity answers, again. A failed evaluation is logged and the next one comes at the usual time, so one bad pass
 * never stops the loop. After {@link CircuitBreakerContract#CONTINUE_AFTER_CHECKS} passes (or when Temporal
 * suggests it) the workflow continues as new.
 */
public class CircuitBreakerWorkflowImpl implements CircuitBreakerWorkflow {
    /** When an evaluation failed, and so said nothing of the interval. */
    static final Duration FALLBACK_INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = Workflow.getLogger(CircuitBreakerWorkflowImpl.class);

    // An evaluation may engage a switch, which answers only after its sweep (up to ~30 s).
    private final CircuitBreakerActivities activities = Workflow.newActivityStub(CircuitBreakerActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    @Override
    public void run(TenantId tenant) {
        for (int pass = 0; pass < CircuitBreakerContract.CONTINUE_AFTER_CHECKS; pass++) {
            Duration next = FALLBACK_INTERVAL;
            try {
                BreakerCheck check = activities.evaluate(tenant);
                next = Duration.ofMillis(Math.max(1, check.nextCheckInMillis()));
            } catch (ActivityFailure failure) {
                log.warn("circuit breaker evaluation of {} failed: {}", tenant.value(), failure.getMessage());
            }
            Workflow.sleep(next);
            if (Workflow.getInfo().isContinueAsNewSuggested()) {
                break;
            }
        }
        Workflow.continueAsNew(tenant);
    }
}
