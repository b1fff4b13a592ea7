package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each breaker kind measures in PostgreSQL, per tenant and account, within its window. */
class BreakerMeasurementsTest {
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    private final TestDb db = TestDb.get();
    private final BreakerMeasurements measurements = new BreakerMeasurements(db.jdbc, new PnlRepository(db.jdbc));
    private final CircuitBreakerRepository breakers = new CircuitBreakerRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String other = db.newTenant();

    private CircuitBreaker breaker(BreakerKind kind, String scope, String account) {
        return new CircuitBreaker(tenant, kind, scope, account, BigDecimal.ONE, kind.windowed() ? 60 : null, "HALTED",
                true, "user:x", NOW, "user:x", NOW);
    }

    private BreakerMeasurement measure(CircuitBreaker b) {
        return measurements.measure(b, NOW.minusSeconds(60), NOW, 3);
    }

    private UUID order(String tenantId, String account, String symbol, String side, String state, String reason,
                       Instant createdAt, Instant updatedAt) {
        UUID id = UuidV7.next();
        db.jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, tif,
                                            state, reject_reason, filled_quantity, version, created_at, updated_at)
                        VALUES (:id, :t, :coid, :a, :s, :side, 'MKT', 1, 'DAY', :state, :reason, 0, 1, :c, :u)""")
                .param("id", id).param("t", tenantId).param("coid", "c-" + id).param("a", account).param("s", symbol)
                .param("side", side).param("state", state).param("reason", reason, java.sql.Types.VARCHAR)
                .param("c", Timestamps.bind(createdAt)).param("u", Timestamps.bind(updatedAt)).update();
        return id;
    }

    private void fill(String tenantId, UUID orderId, String account, String symbol, String side, Instant recordedAt) {
        String exec = "e" + TestDb.randomHex(6);
        db.jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, exec_base, symbol, side, quantity,
                                                price, executed_at, recorded_at)
                        VALUES (:id, :t, :o, :a, :e, :e, :s, :side, 1, 10, :at, :at)""")
                .param("id", UuidV7.next()).param("t", tenantId).param("o", orderId).param("a", account).param("e", exec)
                .param("s", symbol).param("side", side).param("at", Timestamps.bind(recordedAt)).update();
    }

    @Test
    void rejectStormCountsTheBrokersRejectionsInTheWindowOnly() {
        Instant recent = NOW.minusSeconds(10);
        order(tenant, "A1", "X", "BUY", "REJECTED", "201: no", recent, recent);
        order(tenant, "A2", "X", "BUY", "REJECTED", "201: no", recent, recent);
        order(tenant, "A1", "X", "BUY", "REJECTED", "201: old", NOW.minusSeconds(300), NOW.minusSeconds(120));
        order(tenant, "A1", "X", "BUY", "REJECTED", "BROKER_UNAVAILABLE: no session", recent, recent);
        order(tenant, "A1", "X", "BUY", "DENIED", "RISK", recent, recent);
        order(other, "A1", "X", "BUY", "REJECTED", "201: no", recent, recent);

        assertThat(measure(breaker(BreakerKind.REJECT_STORM, "TENANT", null)).value()).isEqualByComparingTo("2");
        assertThat(measure(breaker(BreakerKind.REJECT_STORM, "ACCOUNT", "A1")).value()).isEqualByComparingTo("1");
    }

    @Test
    void repeatedExecutionsCountsDistinctOrdersFilledPerAccountSymbolAndSide() {
        Instant recent = NOW.minusSeconds(5);
        for (int i = 0; i < 3; i++) {
            UUID o = order(tenant, "A1", "MSFT", "BUY", "FILLED", null, recent, recent);
            fill(tenant, o, "A1", "MSFT", "BUY", recent);
            fill(tenant, o, "A1", "MSFT", "BUY", recent); // a second slice of the same order is not a repeat
        }
        UUID sell = order(tenant, "A1", "MSFT", "SELL", "FILLED", null, recent, recent);
        fill(tenant, sell, "A1", "MSFT", "SELL", recent);
        UUID old = order(tenant, "A1", "MSFT", "BUY", "FILLED", null, NOW.minusSeconds(600), NOW.minusSeconds(600));
        fill(tenant, old, "A1", "MSFT", "BUY", NOW.minusSeconds(600));

        BreakerMeasurement m = measure(breaker(BreakerKind.REPEATED_EXECUTIONS, "TENANT", null));
        assertThat(m.value()).isEqualByComparingTo("3");
        assertThat(m.detail()).isEqualTo("A1 MSFT BUY");
        assertThat(measure(breaker(BreakerKind.REPEATED_EXECUTIONS, "ACCOUNT", "A2")).value()).isEqualByComparingTo("0");
    }

    @Test
    void brokerLatencyIsTheNinetiethPercentileOfCreatedToRoutedAndNeedsTheMinimumSamples() {
        AuditRepository audit = new AuditRepository(db.jdbc);
        Instant created = NOW.minusSeconds(30);
        int[] millis = {100, 100, 100, 100, 100, 100, 100, 100, 100, 2000};
        for (int i = 0; i < 2; i++) routed(audit, order(tenant, "A1", "X", "BUY", "ROUTED", null, created, created), created, millis[i]);
        CircuitBreaker latency = breaker(BreakerKind.BROKER_LATENCY, "TENANT", null);
        assertThat(measure(latency).value()).as("two samples, three needed").isNull();
        assertThat(measure(latency).samples()).isEqualTo(2);
        for (int i = 2; i < millis.length; i++) routed(audit, order(tenant, "A1", "X", "BUY", "ROUTED", null, created, created), created, millis[i]);
        // One spike among ten does not move the 90th percentile much: 0.9 of the way from 100 to 2000 is 290.
        assertThat(measure(latency).value()).isEqualByComparingTo("290");
        assertThat(measure(latency).samples()).isEqualTo(10);
    }

    private void routed(AuditRepository audit, UUID orderId, Instant created, int millis) {
        audit.append(new AuditRecord(tenant, created.plusMillis(millis), "broker", "order.routed", "order",
                orderId.toString(), 2L, null, null, null, null, null));
    }

    @Test
    void lossIsTodaysNegativePnlNeverBelowZero() {
        Instant recent = NOW.minusSeconds(5);
        UUID o = order(tenant, "A1", "X", "SELL", "FILLED", null, recent, recent);
        db.jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, exec_base, symbol, side, quantity,
                                                price, executed_at, commission, realized_pnl)
                        VALUES (:id, :t, :o, 'A1', :e, :e, 'X', 'SELL', 1, 10, :at, 5, -300)""")
                .param("id", UuidV7.next()).param("t", tenant).param("o", o).param("e", "e" + TestDb.randomHex(6))
                .param("at", Timestamps.bind(recent)).update();
        CircuitBreaker loss = breaker(BreakerKind.LOSS, "TENANT", null);
        Instant dayStart = CircuitBreakerRules.since(loss, java.util.Optional.empty(), NOW);
        assertThat(measurements.measure(loss, dayStart, NOW, 3).value()).isEqualByComparingTo("305");
        assertThat(measurements.measure(breaker(BreakerKind.LOSS, "ACCOUNT", "A2"), dayStart, NOW, 3).value())
                .isEqualByComparingTo("0");
    }

    @Test
    void breakersAndTripsBelongToTheirTenant() {
        assertThat(breakers.upsert(breaker(BreakerKind.REJECT_STORM, "TENANT", null))).isTrue();
        assertThat(breakers.upsert(breaker(BreakerKind.REJECT_STORM, "TENANT", null))).isFalse();
        assertThat(breakers.list(other)).isEmpty();
        assertThat(breakers.delete(other, BreakerKind.REJECT_STORM)).isFalse();
        assertThat(breakers.tenantsWithEnabledBreakers()).contains(tenant).doesNotContain(other);
        BreakerTrip trip = breakers.insertTrip(new BreakerTrip(0, tenant, BreakerKind.REJECT_STORM, "TENANT", tenant,
                "HALTED", BigDecimal.TEN, BigDecimal.ONE, 60, 10, null, NOW));
        assertThat(trip.id()).isPositive();
        assertThat(breakers.lastTrip(tenant, BreakerKind.REJECT_STORM)).contains(trip);
        assertThat(breakers.lastTrip(other, BreakerKind.REJECT_STORM)).isEmpty();
        assertThat(breakers.delete(tenant, BreakerKind.REJECT_STORM)).isTrue();
    }
}
