package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RiskLimitRepositoryTest {
    private static final Instant T = Instant.parse("2025-03-04T16:00:00Z");

    private final TestDb db = TestDb.get();
    private final RiskLimitRepository limits = new RiskLimitRepository(db.jdbc);
    private final String tenant = db.newTenant();

    private RiskLimit limit(String tenantId, LimitScope scope, String value, LimitType type, Integer period) {
        return new RiskLimit(UuidV7.next(), tenantId, scope, value, type, new BigDecimal("100.5"), period, "key:1", T, T);
    }

    @Test
    void insertsFindsUpdatesAndDeletesWithinTheTenantOnly() {
        RiskLimit limit = limit(tenant, LimitScope.INSTRUMENT, "AAPL", LimitType.MAX_ORDER_QTY, null);
        limits.insert(limit);
        assertThat(limits.find(tenant, limit.id())).contains(limit);
        String other = db.newTenant();
        assertThat(limits.find(other, limit.id())).isEmpty();
        RiskLimit changed = new RiskLimit(limit.id(), tenant, LimitScope.TENANT, null, LimitType.ORDER_RATE, BigDecimal.TEN, 60,
                "key:1", T, T.plus(1, ChronoUnit.MINUTES));
        assertThat(limits.update(new RiskLimit(limit.id(), other, LimitScope.TENANT, null, LimitType.ORDER_RATE, BigDecimal.ONE,
                60, "x", T, T))).isFalse();
        assertThat(limits.delete(other, limit.id())).isFalse();
        assertThat(limits.update(changed)).isTrue();
        assertThat(limits.find(tenant, limit.id())).contains(changed);
        assertThat(limits.list(tenant)).containsExactly(changed);
        assertThat(limits.delete(tenant, limit.id())).isTrue();
        assertThat(limits.list(tenant)).isEmpty();
    }

    @Test
    void theSchemaRefusesAPeriodOutsideOrderRateAndAScopeValueOnTenant() {
        assertThatThrownBy(() -> limits.insert(limit(tenant, LimitScope.ACCOUNT, "A", LimitType.MAX_NOTIONAL, 60)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> limits.insert(limit(tenant, LimitScope.ACCOUNT, "A", LimitType.ORDER_RATE, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> limits.insert(limit(tenant, LimitScope.TENANT, "A", LimitType.MAX_NOTIONAL, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(limits.count(tenant)).isZero();
    }
}
