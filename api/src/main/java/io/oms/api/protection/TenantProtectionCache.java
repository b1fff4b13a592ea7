package io.oms.api.protection;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.oms.infra.config.RequestLimitProperties;
import io.oms.infra.security.TenantProtectionRepository;
import org.springframework.stereotype.Component;

/**
 * Tenants' protection settings, read from the database at most once per tenant per TTL (5 s by default) so that
 * the per-request checks cost a map lookup. A change made through this process is seen at once here, and by
 * other processes within the TTL.
 */
@Component
public class TenantProtectionCache {
    private final TenantProtectionRepository repository;
    private final LoadingCache<String, TenantProtection> cache;

    public TenantProtectionCache(TenantProtectionRepository repository, RequestLimitProperties limits) {
        this.repository = repository;
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(limits.tenantSettingsCacheTtl())
                .build(this::load);
    }

    TenantProtection of(String tenantId) {
        return cache.get(tenantId);
    }

    void invalidate(String tenantId) {
        cache.invalidate(tenantId);
    }

    private TenantProtection load(String tenantId) {
        return new TenantProtection(repository.allowlist(tenantId).stream().map(CidrBlock::parse).toList(),
                repository.rateLimit(tenantId));
    }
}
