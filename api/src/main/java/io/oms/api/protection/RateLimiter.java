package io.oms.api.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.oms.infra.config.RateLimitProperties;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.security.TenantProtectionRepository.RateLimitOverride;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j) in this process's memory: one per API key or user ({@link ApiPrincipal#rateLimitKey()})
 * and one per client address for requests without a valid credential. With several API replicas each has its
 * own buckets, so the effective limit is the configured one times the replicas; sharing them needs a
 * bucket4j proxy manager on Redis (not built). The number of buckets kept is bounded; a bucket idle long enough
 * to be full again is dropped.
 */
@Component
public class RateLimiter {
    /** The outcome of one request: allowed or not, and what the RateLimit headers report. */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

    private final RateLimitProperties settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    public RateLimiter(RateLimitProperties settings) {
        this.settings = settings;
    }

    boolean enabled() {
        return settings.enabled();
    }

    Decision forPrincipal(ApiPrincipal principal, Optional<RateLimitOverride> override) {
        int capacity = override.map(RateLimitOverride::capacity).orElse(settings.capacity());
        int perSecond = override.map(RateLimitOverride::refillPerSecond).orElse(settings.refillPerSecond());
        // The shape is part of the key: a changed override starts a bucket of the new shape.
        return take(principal.rateLimitKey() + "|" + capacity + "/" + perSecond, capacity, perSecond, Duration.ofSeconds(1));
    }

    Decision forAddress(String clientAddress) {
        return take("ip:" + clientAddress, settings.anonymousCapacity(), settings.anonymousRefillPerMinute(),
                Duration.ofMinutes(1));
    }

    private Decision take(String key, int capacity, int refill, Duration period) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        return probe.isConsumed()
                ? new Decision(true, capacity, probe.getRemainingTokens(), reset, 0)
                : new Decision(false, capacity, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whole seconds, rounded up. */
    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
