package io.oms.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay: whether this process runs one ({@code enabled}; only worker processes do, and one at a time
 * across processes), how often it polls, how many events one pass publishes, and the backoff after a failed
 * delivery (doubling from {@code retryBackoff} up to {@code maxRetryBackoff}).
 */
@ConfigurationProperties("oms.outbox.relay")
public record OutboxRelayProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("100ms") Duration pollInterval,
                                    @DefaultValue("200") int batchSize,
                                    @DefaultValue("1s") Duration retryBackoff,
                                    @DefaultValue("1m") Duration maxRetryBackoff) {
    public OutboxRelayProperties {
        require(pollInterval, Duration.ofMillis(10), Duration.ofMinutes(1), "poll-interval");
        require(retryBackoff, Duration.ofMillis(10), Duration.ofMinutes(10), "retry-backoff");
        require(maxRetryBackoff, Duration.ofMillis(10), Duration.ofHours(1), "max-retry-backoff");
        if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("oms.outbox.relay.max-retry-backoff must not be below retry-backoff");
        }
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("oms.outbox.relay.batch-size must be between 1 and 1000, not " + batchSize);
        }
    }

    private static void require(Duration value, Duration min, Duration max, String name) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("oms.outbox.relay." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
