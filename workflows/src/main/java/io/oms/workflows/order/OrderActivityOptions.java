package io.oms.workflows.order;

import io.oms.workflows.domain.ErrorCode;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/** Timeouts and retries of the order workflow's activities, in one place. */
final class OrderActivityOptions {
    private OrderActivityOptions() {}

    /**
     * Broker calls: a lost worker is noticed after the start-to-close timeout and the placement retried on
     * the new holder of the session, which finds the order by orderRef instead of placing it twice.
     */
    static ActivityOptions broker(String connection) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(OrderWorkflowContract.brokerTaskQueue(connection))
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setScheduleToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(200))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .setDoNotRetry(ErrorCode.BROKER_UNAVAILABLE.name())
                        .build())
                .build();
    }

    /**
     * placeOrder: the in-flight check (5 s for IB's first answer, then up to 5 lookups at IB 1.5 s apart, after
     * up to 5 s waiting for the session) must fit one attempt, hence 30 s start-to-close. The attempt heartbeats
     * while it waits, so a lost worker is still noticed after the 10 s heartbeat timeout and the placement retried
     * on the new holder of the session, which looks the order up by orderRef first. BROKER_NO_ACK (IB never saw
     * the order) is final: the order is not sent again.
     */
    static ActivityOptions placement(String connection) {
        return ActivityOptions.newBuilder(broker(connection))
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setHeartbeatTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder(broker(connection).getRetryOptions())
                        .setDoNotRetry(ErrorCode.BROKER_UNAVAILABLE.name(), ErrorCode.BROKER_NO_ACK.name())
                        .build())
                .build();
    }

    /** Per activity method: placeOrder runs under {@link #placement}, the other broker calls under {@link #broker}. */
    static Map<String, ActivityOptions> brokerMethods(String connection) {
        return Map.of("PlaceOrder", placement(connection));
    }

    /** Ledger writes are short and idempotent, so they run as local activities next to the workflow. */
    static LocalActivityOptions ledger() {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(100))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(10))
                        .setDoNotRetry(ErrorCode.DUPLICATE_CLIENT_ORDER_ID.name())
                        .build())
                .build();
    }

    /**
     * Risk checks read a snapshot in one short transaction next to the workflow; a check that cannot run within
     * its bound denies the order (the workflow fails closed) rather than holding it.
     */
    static LocalActivityOptions risk() {
        return risk(Duration.ofSeconds(10));
    }

    /**
     * The in-flight check after a partial fill holds the order's main loop (fills, cancels) while it runs, so it
     * gives up sooner; a working order is left alone when it cannot run.
     */
    static LocalActivityOptions inFlightRisk() {
        return risk(Duration.ofSeconds(3));
    }

    private static LocalActivityOptions risk(Duration budget) {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                .setScheduleToCloseTimeout(budget)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(100))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(2))
                        .build())
                .build();
    }
}
