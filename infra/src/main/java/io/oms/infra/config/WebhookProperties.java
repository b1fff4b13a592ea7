package io.oms.infra.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhooks ({@code oms.webhooks.*}, docs/webhooks.md).
 *
 * @param enabled           false: no deliveries are created or started (env {@code OMS_WEBHOOKS_ENABLED}); inbound
 *                          and the event stream are unaffected
 * @param retrySchedule     the waits between attempts of a delivery (attempts = waits + 1), default about 24 hours
 *                          (env {@code OMS_WEBHOOKS_RETRY_SCHEDULE}, comma-separated durations); each wait gets up to
 *                          20% jitter; a 429/503 Retry-After longer than the wait replaces it
 * @param connectTimeout    TCP connect timeout of an outbound attempt (5 s)
 * @param readTimeout       how long an attempt waits for the response (10 s); the attempt then counts as a network
 *                          error and is retried
 * @param maxConcurrent     HTTP attempts running at once in one worker (64)
 * @param sweepInterval     how often the dispatcher looks for deliveries whose workflow was never started (after a
 *                          crash between creating the row and starting it) (5 s)
 * @param inboundTolerance  how far an inbound message's webhook-timestamp may be from now, either way (5 min)
 */
@Validated
@ConfigurationProperties("oms.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled,
                                @NotNull @DefaultValue("5s,30s,2m,10m,30m,1h,2h,4h,8h,8h") List<Duration> retrySchedule,
                                @NotNull @DefaultValue("5s") Duration connectTimeout,
                                @NotNull @DefaultValue("10s") Duration readTimeout,
                                @DefaultValue("64") int maxConcurrent,
                                @NotNull @DefaultValue("5s") Duration sweepInterval,
                                @NotNull @DefaultValue("5m") Duration inboundTolerance) {

    public WebhookProperties {
        if (retrySchedule != null) {
            retrySchedule = List.copyOf(retrySchedule);
            if (retrySchedule.size() > 50) throw new IllegalArgumentException("oms.webhooks.retry-schedule: at most 50 waits");
            if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("oms.webhooks.retry-schedule: every wait must be positive");
            }
        }
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
        positive("sweep-interval", sweepInterval);
        positive("inbound-tolerance", inboundTolerance);
        if (maxConcurrent < 1) throw new IllegalArgumentException("oms.webhooks.max-concurrent must be at least 1");
    }

    private static void positive(String name, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("oms.webhooks." + name + " must be positive");
        }
    }
}
