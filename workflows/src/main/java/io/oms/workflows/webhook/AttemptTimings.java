package io.oms.workflows.webhook;

import java.time.Duration;

/**
 * The HTTP timeouts of an attempt (from {@code oms.webhooks.*}), which bound its activity: a worker lost mid-attempt
 * is noticed by the missing heartbeat within {@link #HEARTBEAT_TIMEOUT}, a hung one by the start-to-close timeout.
 */
public record AttemptTimings(Duration connectTimeout, Duration readTimeout) {
    /** The attempt activity heartbeats about every second while it waits for the receiver. */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);
    /** Room beyond connect + read for loading, signing and recording the attempt. */
    static final Duration BOOKKEEPING = Duration.ofSeconds(10);

    public static AttemptTimings defaults() {
        return new AttemptTimings(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public Duration startToClose() {
        return connectTimeout.plus(readTimeout).plus(BOOKKEEPING);
    }
}
