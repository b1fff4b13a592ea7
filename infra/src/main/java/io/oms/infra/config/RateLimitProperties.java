package io.oms.infra.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets of the API, kept in memory per process (a Redis-backed bucket is the way to share them between
 * replicas). {@code capacity}/{@code refillPerSecond}: each API key or signed-in user (a tenant may have an
 * override in {@code tenant_rate_limits}). {@code anonymousCapacity}/{@code anonymousRefillPerMinute}: each client
 * address for requests without a valid credential (login, register, refresh, wrong keys), to slow credential
 * stuffing.
 */
@Validated
@ConfigurationProperties("oms.api.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") @Min(1) @Max(1_000_000) int capacity,
        @DefaultValue("500") @Min(1) @Max(1_000_000) int refillPerSecond,
        @DefaultValue("20") @Min(1) @Max(1_000_000) int anonymousCapacity,
        @DefaultValue("20") @Min(1) @Max(60_000_000) int anonymousRefillPerMinute) {}
