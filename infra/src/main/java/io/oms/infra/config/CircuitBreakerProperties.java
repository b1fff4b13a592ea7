package io.oms.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker evaluation: how often each tenant's breakers are evaluated ({@code interval}, read by the
 * evaluation activity at every pass, so a change applies from the next pass on), and how many acknowledgements a
 * BROKER_LATENCY breaker needs in its window before it judges the latency at all.
 */
@ConfigurationProperties("oms.risk.circuit-breakers")
public record CircuitBreakerProperties(@DefaultValue("5s") Duration interval,
                                       @DefaultValue("5") int minLatencySamples) {
    public CircuitBreakerProperties {
        if (interval == null || interval.compareTo(Duration.ofMillis(200)) < 0 || interval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("oms.risk.circuit-breakers.interval must be between 200ms and 10m, not " + interval);
        }
        if (minLatencySamples < 1 || minLatencySamples > 10_000) {
            throw new IllegalArgumentException("oms.risk.circuit-breakers.min-latency-samples must be between 1 and 10000, not "
                    + minLatencySamples);
        }
    }
}
