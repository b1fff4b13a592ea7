package io.oms.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets of the API, kept in memory per process (a Redis-backed bucket is the way to share them between
 * replicas). {@code capacity}/{@code refillPerSecond}: each API key or signed-in user (a tenant may have an
 * override in {@code tenant_rate_limits}). {@code anonymousCapacity}/{@code anonymousRefillPerMinute}: each client
 * address for requests without a valid credential (login, register, refresh, wrong keys), to slow credential
 * stuffing.
 */
@ConfigurationProperties("oms.api.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") int capacity,
        @DefaultValue("500") int refillPerSecond,
        @DefaultValue("20") int anonymousCapacity,
        @DefaultValue("20") int anonymousRefillPerMinute) {
    private static final int MAX = 1_000_000;

    public RateLimitProperties {
        check("capacity", capacity);
        check("refill-per-second", refillPerSecond);
        check("anonymous-capacity", anonymousCapacity);
        check("anonymous-refill-per-minute", anonymousRefillPerMinute);
    }

    private static void check(String name, int value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("oms.api.rate-limit." + name + " must be between 1 and " + MAX + ", not " + value);
        }
    }
}
