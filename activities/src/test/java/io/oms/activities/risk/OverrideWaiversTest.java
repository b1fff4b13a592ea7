package io.oms.activities.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.risk.OverrideTerms;
import io.oms.infra.risk.RiskOverride;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Overrides applied to engine verdicts against the real database: lifts, single use, expiry, revocation, races. */
class OverrideWaiversTest {
    private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

    private final LedgerTestDb db = LedgerTestDb.get();
    private final RiskOverrideRepository repository = new RiskOverrideRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final UUID notionalLimit = UUID.randomUUID();
    private final UUID qtyLimit = UUID.randomUUID();
    private final RiskDenial notional = new RiskDenial(DenialReason.MAX_NOTIONAL, new BigDecimal("10000"),
            new BigDecimal("15000"), notionalLimit.toString(), "notional 15000 above 10000");
    private final RiskDenial quantity = new RiskDenial(DenialReason.MAX_ORDER_QTY, new BigDecimal("50"),
            new BigDecimal("100"), qtyLimit.toString(), "quantity 100 above 50");
    private final RiskDenial restricted = RiskDenial.of(DenialReason.RESTRICTED_SYMBOL, "AAPL is restricted");

    private OverrideWaivers at(Instant now) {
        return new OverrideWaivers(repository, new AuditRepository(db.jdbc), db.tx, Clock.fixed(now, ZoneOffset.UTC));
    }

    private OrderIntent order(String clientOrderId, String qty, String price) {
        return new OrderIntent(tenant, clientOrderId, "DU1", "AAPL", Side.BUY, OrderType.LMT, TimeInForce.DAY,
                new BigDecimal(qty), new BigDecimal(price), null, false, null, "user-1");
    }

    private static RiskCheckRequest newOrder(OrderIntent intent) {
        return new RiskCheckRequest(intent, RiskCheckKind.NEW_ORDER);
    }

    private RiskOverride orderOverride(String qty, String price, long seconds, DenialReason... reasons) {
        RiskOverride o = RiskOverride.created(UUID.randomUUID(), tenant, new OverrideTerms("DU1", "AAPL", "BUY", "LMT",
                        new BigDecimal(qty), new BigDecimal(price), List.of(reasons).stream().map(Enum::name).toList()),
                null, null, "client call", "user:ops", T0, T0.plusSeconds(seconds));
        repository.insert(o);
        return o;
    }

    private RiskOverride limitOverride(UUID limitId, long seconds) {
        RiskOverride o = RiskOverride.created(UUID.randomUUID(), tenant, null, null, limitId, "index rebalance",
                "user:ops", T0, T0.plusSeconds(seconds));
        repository.insert(o);
        return o;
    }

    private int uses(RiskOverride o) {
        return db.jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action = 'risk_override.use' "
                + "AND resource_id = :id").param("t", tenant).param("id", o.id().toString()).query(Integer.class).single();
    }

    @Test
    void aMatchingOrderOverrideWaivesItsReasonsOnceAndAuditsTheUse() {
        RiskOverride o = orderOverride("100", "150.00", 900, DenialReason.MAX_NOTIONAL, DenialReason.MAX_ORDER_QTY);
        RiskVerdict denied = new RiskVerdict(List.of(quantity, notional));

        // the limit price is compared by value: 150 matches 150.00
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(order("c1", "100", "150")), denied).passed()).isTrue();
        assertThat(repository.find(tenant, o.id()).orElseThrow().usedByOrder()).isEqualTo("c1");
        assertThat(uses(o)).isEqualTo(1);

        RiskVerdict second = at(T0.plusSeconds(20)).apply(newOrder(order("c2", "100", "150")), denied);
        assertThat(second.denials()).as("single use").containsExactly(quantity, notional);
    }

    @Test
    void aRetriedCheckOfTheOrderThatUsedTheOverrideStillPassesWithoutASecondUse() {
        RiskOverride o = orderOverride("100", "150", 60, DenialReason.MAX_NOTIONAL);
        RiskVerdict denied = new RiskVerdict(List.of(notional));
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(order("c1", "100", "150")), denied).passed()).isTrue();
        // the activity retried, even after the override's expiry: the decision already made stands
        assertThat(at(T0.plusSeconds(120)).apply(newOrder(order("c1", "100", "150")), denied).passed()).isTrue();
        assertThat(uses(o)).isEqualTo(1);
    }

    @Test
    void anExpiredOrRevokedOverrideWaivesNothing() {
        RiskVerdict denied = new RiskVerdict(List.of(notional));
        RiskOverride o = orderOverride("100", "150", 60, DenialReason.MAX_NOTIONAL);
        assertThat(at(T0.plusSeconds(60)).apply(newOrder(order("c1", "100", "150")), denied).passed())
                .as("expired at expiresAt exactly").isFalse();
        assertThat(repository.revoke(tenant, o.id(), "user:ops", T0.plusSeconds(5))).isTrue();
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(order("c1", "100", "150")), denied).passed()).isFalse();
        assertThat(repository.find(tenant, o.id()).orElseThrow().usedAt()).isNull();
        assertThat(uses(o)).isZero();
    }

    @Test
    void anOverrideWaivesOnlyItsOwnTermsAndReasonsAndNeverAComplianceDenial() {
        orderOverride("100", "150", 900, DenialReason.MAX_NOTIONAL);
        OverrideWaivers waivers = at(T0.plusSeconds(10));
        assertThat(waivers.apply(newOrder(order("c1", "101", "150")), new RiskVerdict(List.of(notional))).passed())
                .as("another quantity").isFalse();
        assertThat(waivers.apply(newOrder(order("c2", "100", "150.01")), new RiskVerdict(List.of(notional))).passed())
                .as("another limit price").isFalse();
        assertThat(waivers.apply(newOrder(order("c3", "100", "150")), new RiskVerdict(List.of(quantity, notional)))
                .denials()).as("a reason it does not waive").containsExactly(quantity, notional);
        assertThat(waivers.apply(newOrder(order("c4", "100", "150")), new RiskVerdict(List.of(restricted, notional)))
                .denials()).as("compliance").containsExactly(restricted, notional);
        assertThat(waivers.apply(new RiskCheckRequest(order("c5", "100", "150"), RiskCheckKind.MODIFY),
                new RiskVerdict(List.of(notional))).passed()).as("only new orders consume").isFalse();
        assertThat(waivers.apply(newOrder(order("c6", "100", "150")), new RiskVerdict(List.of(notional))).passed())
                .as("still unused after all of the above").isTrue();
    }

    @Test
    void twoOrdersRacingForOneOverrideOnlyOneWins() throws Exception {
        RiskOverride o = orderOverride("100", "150", 900, DenialReason.MAX_NOTIONAL);
        OverrideWaivers waivers = at(T0.plusSeconds(10));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = List.of("race-a", "race-b").stream().map(cid -> pool.submit(() -> {
                start.await();
                return waivers.apply(newOrder(order(cid, "100", "150")), new RiskVerdict(List.of(notional))).passed();
            })).toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> r : results) winners += r.get() ? 1 : 0;
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.find(tenant, o.id()).orElseThrow().usedByOrder()).isIn("race-a", "race-b");
        assertThat(uses(o)).isEqualTo(1);
    }

    @Test
    void aLimitLiftDropsOnlyThatLimitsDenialsForEveryKindOfCheckUntilItExpires() {
        limitOverride(notionalLimit, 3600);
        RiskVerdict denied = new RiskVerdict(List.of(quantity, notional, restricted));
        for (RiskCheckKind kind : RiskCheckKind.values()) {
            RiskVerdict left = at(T0.plusSeconds(10)).apply(new RiskCheckRequest(order("l1", "100", "150"), kind), denied);
            assertThat(left.denials()).as(kind.name()).containsExactly(quantity, restricted);
        }
        assertThat(at(T0.plusSeconds(3600)).apply(newOrder(order("l2", "100", "150")), denied).denials())
                .as("expired").containsExactly(quantity, notional, restricted);
    }

    @Test
    void aLimitLiftNeverDropsAComplianceDenialOfThatLimit() {
        UUID window = UUID.randomUUID();
        limitOverride(window, 3600);
        RiskDenial duplicate = new RiskDenial(DenialReason.DUPLICATE_ORDER, new BigDecimal("60"), new BigDecimal("2"),
                window.toString(), "same order as c0 2 s ago (window 60 s)");
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(order("d1", "100", "150")), new RiskVerdict(List.of(duplicate)))
                .denials()).containsExactly(duplicate);
    }

    @Test
    void aLimitLiftAndAnOrderOverrideTogetherLetTheOrderThrough() {
        limitOverride(qtyLimit, 3600);
        RiskOverride o = orderOverride("100", "150", 900, DenialReason.MAX_NOTIONAL);
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(order("c1", "100", "150")),
                new RiskVerdict(List.of(quantity, notional))).passed()).isTrue();
        assertThat(uses(o)).isEqualTo(1);
    }

    @Test
    void anotherTenantsOverridesDoNothing() {
        limitOverride(notionalLimit, 3600);
        orderOverride("100", "150", 900, DenialReason.MAX_NOTIONAL);
        OrderIntent theirs = new OrderIntent(db.newTenant(), "x1", "DU1", "AAPL", Side.BUY, OrderType.LMT,
                TimeInForce.DAY, new BigDecimal("100"), new BigDecimal("150"), null, false, null, null);
        assertThat(at(T0.plusSeconds(10)).apply(newOrder(theirs), new RiskVerdict(List.of(notional))).denials())
                .containsExactly(notional);
    }
}
