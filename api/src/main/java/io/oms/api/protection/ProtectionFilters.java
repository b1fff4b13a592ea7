package io.oms.api.protection;

import io.micrometer.core.instrument.MeterRegistry;
import io.oms.api.security.SecurityErrors;
import io.oms.infra.config.AuditProperties;
import org.springframework.stereotype.Component;

/**
 * The protection filters of the security chain, made here rather than as beans: a filter bean would also be
 * registered as a plain servlet filter and run twice.
 */
@Component
public class ProtectionFilters {
    private final IpAllowlistFilter allowlist;
    private final RateLimitFilter rateLimit;

    public ProtectionFilters(TenantProtectionCache tenants, RateLimiter limiter, AuditProperties proxies,
                             SecurityErrors errors, MeterRegistry meters) {
        this.allowlist = new IpAllowlistFilter(tenants, proxies, errors);
        this.rateLimit = new RateLimitFilter(limiter, tenants, proxies, errors, meters);
    }

    public IpAllowlistFilter allowlist() {
        return allowlist;
    }

    public RateLimitFilter rateLimit() {
        return rateLimit;
    }
}
