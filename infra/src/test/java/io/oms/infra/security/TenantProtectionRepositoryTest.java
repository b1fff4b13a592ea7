package io.oms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.security.TenantProtectionRepository.RateLimitOverride;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantProtectionRepositoryTest {
    private final TestDb db = TestDb.get();
    private final TenantProtectionRepository repository = new TenantProtectionRepository(db.jdbc, db.tx);

    @Test
    void anAllowlistIsReplacedWholeAndReadBackCanonicalInAddressOrder() {
        String tenant = db.newTenant();
        repository.replaceAllowlist(tenant, List.of("10.0.0.0/8", "192.0.2.0/24"));

        repository.replaceAllowlist(tenant, List.of("2001:db8:0:0:0:0:0:0/32", "203.0.113.7/32", "198.51.100.0/24"));

        assertThat(repository.allowlist(tenant)).containsExactly("198.51.100.0/24", "203.0.113.7/32", "2001:db8::/32");
    }

    @Test
    void aRefusedEntryLeavesTheOldListInPlace() {
        String tenant = db.newTenant();
        repository.replaceAllowlist(tenant, List.of("10.0.0.0/8"));

        assertThatThrownBy(() -> repository.replaceAllowlist(tenant, List.of("192.0.2.0/24", "10.0.0.1/8")))
                .hasMessageContaining("cidr");

        assertThat(repository.allowlist(tenant)).containsExactly("10.0.0.0/8");
    }

    @Test
    void listsAndOverridesAreTheTenantsOwn() {
        String tenant = db.newTenant();
        String other = db.newTenant();
        repository.replaceAllowlist(tenant, List.of("10.0.0.0/8"));
        repository.setRateLimit(tenant, new RateLimitOverride(5, 1));

        assertThat(repository.allowlist(other)).isEmpty();
        assertThat(repository.rateLimit(other)).isEmpty();
        assertThat(repository.rateLimit(tenant)).contains(new RateLimitOverride(5, 1));
    }

    @Test
    void anOverrideIsReplacedOrRemoved() {
        String tenant = db.newTenant();
        repository.setRateLimit(tenant, new RateLimitOverride(5, 1));

        repository.setRateLimit(tenant, new RateLimitOverride(50, 10));
        assertThat(repository.rateLimit(tenant)).contains(new RateLimitOverride(50, 10));

        repository.setRateLimit(tenant, null);
        assertThat(repository.rateLimit(tenant)).isEmpty();
    }

    @Test
    void theDatabaseRefusesAnOverrideOutsideItsRange() {
        String tenant = db.newTenant();
        assertThatThrownBy(() -> repository.setRateLimit(tenant, new RateLimitOverride(0, 1)))
                .hasMessageContaining("tenant_rate_limits");
        assertThat(repository.rateLimit(tenant)).isEmpty();
    }
}
