package io.oms.workflows.killswitch;

import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.KillSwitchActivities;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The global switch's first move: reqGlobalCancel on every IB session, which cancels every open order there, the
 * OMS's and any placed outside it (a whole connection is in scope). The per-order sweep that follows still cancels
 * and verifies the OMS's own orders, so a session that cannot be reached delays nothing and hides nothing.
 * Histories from before {@link #CHANGE} replay without it.
 */
final class GlobalCancel {
    static final String CHANGE = "killswitch-global-cancel-1";
    private static final Logger log = Workflow.getLogger(GlobalCancel.class);

    private GlobalCancel() {}

    /** The number of sessions that took the request. */
    static int atEveryConnection(KillSwitchActivities activities) {
        if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
            return 0;
        }
        int sent = 0;
        for (String connection : activities.brokerConnections()) {
            try {
                broker(connection).cancelAll();
                sent++;
            } catch (ActivityFailure failure) {
                log.warn("reqGlobalCancel not sent on {}: {}", connection, failure.getMessage());
            }
        }
        return sent;
    }

    private static BrokerActivities broker(String connection) {
        return Workflow.newActivityStub(BrokerActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(OrderWorkflowContract.brokerTaskQueue(connection))
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setScheduleToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(200))
                        .setMaximumInterval(Duration.ofSeconds(2))
                        .build())
                .build());
    }
}
