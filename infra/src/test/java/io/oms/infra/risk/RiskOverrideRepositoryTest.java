package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The overrides table: read-time status, revocation, single use, tenant isolation and the database's own bounds. */
class RiskOverrideRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

    private final TestDb db = TestDb.get();
    private final RiskOverrideRepository overrides = new RiskOverrideRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String other = db.newTenant();

    private RiskOverride order(String tenantId, long seconds) {
        RiskOverride o = RiskOverride.created(UuidV7.next(), tenantId, new OverrideTerms("DU1", "AAPL", "BUY", "LMT",
                new BigDecimal("100"), new BigDecimal("150.00"), List.of("MAX_NOTIONAL", "POSITION_LIMIT")), null, null,
                "client call", "user:a", T0, T0.plusSeconds(seconds));
        overrides.insert(o);
        return o;
    }

    private RiskOverride limit(String tenantId, UUID limitId, long seconds) {
        RiskOverride o = RiskOverride.created(UuidV7.next(), tenantId, null, null, limitId, "rebalance", "user:a", T0,
                T0.plusSeconds(seconds));
        overrides.insert(o);
        return o;
    }

    @Test
    void anOverrideIsReadBackAsWrittenAndIsActiveUntilItsExpiry() {
        RiskOverride o = order(tenant, 900);
        assertThat(overrides.find(tenant, o.id())).contains(o);
        assertThat(o.statusAt(T0.plusSeconds(899))).isEqualTo(OverrideStatus.ACTIVE);
        assertThat(o.statusAt(T0.plusSeconds(900))).isEqualTo(OverrideStatus.EXPIRED);
        assertThat(overrides.list(tenant, OverrideStatus.ACTIVE, T0.plusSeconds(899), null, 10)).containsExactly(o);
        assertThat(overrides.list(tenant, OverrideStatus.EXPIRED, T0.plusSeconds(900), null, 10)).containsExactly(o);
        assertThat(overrides.countActive(tenant, T0.plusSeconds(900))).isZero();
    }

    @Test
    void onlyAnActiveOverrideCanBeRevokedOrConsumedAndOnlyOnce() {
        RiskOverride revoked = order(tenant, 900);
        assertThat(overrides.revoke(tenant, revoked.id(), "user:b", T0.plusSeconds(1))).isTrue();
        assertThat(overrides.revoke(tenant, revoked.id(), "user:b", T0.plusSeconds(2))).isFalse();
        assertThat(overrides.consume(tenant, revoked.id(), "c1", T0.plusSeconds(3))).isFalse();

        RiskOverride used = order(tenant, 900);
        assertThat(overrides.consume(tenant, used.id(), "c1", T0.plusSeconds(3))).isTrue();
        assertThat(overrides.consume(tenant, used.id(), "c2", T0.plusSeconds(4))).isFalse();
        assertThat(overrides.revoke(tenant, used.id(), "user:b", T0.plusSeconds(5))).isFalse();

        RiskOverride expired = order(tenant, 60);
        assertThat(overrides.consume(tenant, expired.id(), "c3", T0.plusSeconds(60))).isFalse();

        Instant later = T0.plusSeconds(10);
        assertThat(overrides.list(tenant, OverrideStatus.REVOKED, later, null, 10)).extracting(RiskOverride::id)
                .containsExactly(revoked.id());
        assertThat(overrides.list(tenant, OverrideStatus.USED, later, null, 10)).singleElement()
                .satisfies(u -> assertThat(u.usedByOrder()).isEqualTo("c1"));
        assertThat(overrides.list(tenant, null, T0.plusSeconds(61), null, 10)).extracting(RiskOverride::id)
                .containsExactly(expired.id(), used.id(), revoked.id());
    }

    @Test
    void orderCandidatesMatchTheTermsByValueAndIncludeOnlyTheOrdersOwnUsedOverride() {
        RiskOverride o = order(tenant, 900);
        OverrideTerms same = new OverrideTerms("DU1", "AAPL", "BUY", "LMT", new BigDecimal("100.0"), new BigDecimal("150"),
                List.of("MAX_NOTIONAL"));
        OverrideTerms otherSide = new OverrideTerms("DU1", "AAPL", "SELL", "LMT", new BigDecimal("100"),
                new BigDecimal("150"), List.of("MAX_NOTIONAL"));
        assertThat(overrides.orderCandidates(tenant, same, "c1", T0)).extracting(RiskOverride::id).containsExactly(o.id());
        assertThat(overrides.orderCandidates(tenant, otherSide, "c1", T0)).isEmpty();
        assertThat(overrides.orderCandidates(other, same, "c1", T0)).isEmpty();
        overrides.consume(tenant, o.id(), "c1", T0);
        assertThat(overrides.orderCandidates(tenant, same, "c1", T0.plusSeconds(3600))).as("a retry of c1")
                .extracting(RiskOverride::id).containsExactly(o.id());
        assertThat(overrides.orderCandidates(tenant, same, "c2", T0)).isEmpty();
    }

    @Test
    void liftedLimitsAreTheActiveLimitOverridesOfTheTenant() {
        UUID lifted = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        limit(tenant, lifted, 3600);
        overrides.revoke(tenant, limit(tenant, revoked, 3600).id(), "user:b", T0);
        limit(tenant, UUID.randomUUID(), 60);
        assertThat(overrides.liftedLimits(tenant, T0.plusSeconds(60))).containsExactly(lifted);
        assertThat(overrides.liftedLimits(other, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void anotherTenantNeitherFindsNorRevokesNorConsumes() {
        RiskOverride o = order(tenant, 900);
        assertThat(overrides.find(other, o.id())).isEmpty();
        assertThat(overrides.list(other, null, T0, null, 10)).isEmpty();
        assertThat(overrides.revoke(other, o.id(), "user:x", T0)).isFalse();
        assertThat(overrides.consume(other, o.id(), "x1", T0)).isFalse();
        assertThat(overrides.find(tenant, o.id()).orElseThrow().statusAt(T0)).isEqualTo(OverrideStatus.ACTIVE);
    }

    @Test
    void theDatabaseRefusesAnOverrideBeyondItsKindsBound() {
        assertThatThrownBy(() -> order(tenant, 3601)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> limit(tenant, UUID.randomUUID(), 86_401)).isInstanceOf(DataIntegrityViolationException.class);
        limit(tenant, UUID.randomUUID(), 86_400);
    }
}
