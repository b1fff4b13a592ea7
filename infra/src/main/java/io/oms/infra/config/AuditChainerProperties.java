package io.oms.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chainer (ADR 6): whether this process runs one ({@code enabled}; only worker processes do, one at a
 * time across processes), how often it links the rows written since, and how many rows one pass links at most.
 * The poll interval bounds how long a committed audit row stays unchained (and unprotected by the chain).
 */
@ConfigurationProperties("oms.audit.chainer")
public record AuditChainerProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("150ms") Duration pollInterval,
                                     @DefaultValue("1000") int batchSize) {
    public AuditChainerProperties {
        if (pollInterval == null || pollInterval.compareTo(Duration.ofMillis(10)) < 0
                || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("oms.audit.chainer.poll-interval must be between 10ms and 1m, not "
                    + pollInterval);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("oms.audit.chainer.batch-size must be between 1 and 10000, not "
                    + batchSize);
        }
    }
}
