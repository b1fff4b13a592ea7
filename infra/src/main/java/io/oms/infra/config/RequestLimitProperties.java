package io.oms.infra.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may bring. {@code maxBodySize}: the largest request body accepted (a batch of 100
 * orders is about 25 KiB), enforced before parsing, also for chunked bodies. {@code tenantSettingsCacheTtl}: how
 * long a process keeps a tenant's IP allowlist and rate-limit override before reading them again.
 */
@ConfigurationProperties("oms.api.limits")
public record RequestLimitProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration tenantSettingsCacheTtl) {
    public RequestLimitProperties {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toMegabytes() > 64) {
            throw new IllegalArgumentException("oms.api.limits.max-body-size must be between 1KB and 64MB, not "
                    + maxBodySize);
        }
        if (tenantSettingsCacheTtl.isNegative() || tenantSettingsCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("oms.api.limits.tenant-settings-cache-ttl must be between 0 and 5 min, not "
                    + tenantSettingsCacheTtl);
        }
    }
}
