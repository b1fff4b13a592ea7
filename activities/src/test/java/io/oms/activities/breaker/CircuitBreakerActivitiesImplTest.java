package io.oms.activities.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.killswitch.KillSwitchActivitiesImpl;
import io.oms.activities.killswitch.OrderCanceller;
import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.config.CircuitBreakerProperties;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.Timestamps;
import io.oms.infra.risk.BreakerKind;
import io.oms.infra.risk.BreakerMeasurements;
import io.oms.infra.risk.BreakerTrip;
import io.oms.infra.risk.CircuitBreaker;
import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.killswitch.KillSwitchClient;
import io.oms.workflows.killswitch.KillSwitchContract;
import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchScope;
import io.oms.workflows.killswitch.KillSwitchWorkflowImpl;
import io.oms.workflows.killswitch.ReleaseRequest;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One evaluation pass against PostgreSQL and a real kill switch workflow (Temporal test server, real time): a trip
 * records itself and engages the tenant's switch once; a release starts the count afresh; a trip whose engagement
 * did not land is engaged at the next pass without a second trip.
 */
class CircuitBreakerActivitiesImplTest {
    private final LedgerTestDb db = LedgerTestDb.get();
    private final String tenant = db.newTenant();
    private final KillSwitchKey key = new KillSwitchKey(tenant, KillSwitchScope.TENANT, tenant);
    private final CircuitBreakerRepository breakers = new CircuitBreakerRepository(db.jdbc);
    private final KillSwitchRepository switches = new KillSwitchRepository(db.jdbc);
    private TestWorkflowEnvironment env;
    private CircuitBreakerActivitiesImpl activities;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        var worker = env.newWorker(KillSwitchContract.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(KillSwitchWorkflowImpl.class);
        OutboxRepository outbox = new OutboxRepository(db.jdbc);
        worker.registerActivitiesImplementations(new KillSwitchActivitiesImpl(db.tx, switches, outbox,
                new OrderCanceller(env.getWorkflowClient())));
        env.start();
        activities = new CircuitBreakerActivitiesImpl(breakers, new BreakerMeasurements(db.jdbc, new PnlRepository(db.jdbc)),
                switches, new BreakerTripRecorder(db.tx, breakers, outbox, new AuditRepository(db.jdbc)),
                env.getWorkflowClient(), new CircuitBreakerProperties(Duration.ofSeconds(5), 5));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        breakers.upsert(new CircuitBreaker(tenant, BreakerKind.REJECT_STORM, "TENANT", null, new BigDecimal("2"), 600,
                "HALTED", true, "user:x", now, "user:x", now));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private void rejected(int count) {
        for (int i = 0; i < count; i++) {
            Instant at = Instant.now();
            db.jdbc.sql("""
                            INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, tif,
                                                state, reject_reason, filled_quantity, version, created_at, updated_at)
                            VALUES (:id, :t, :coid, 'A1', 'X', 'BUY', 'MKT', 1, 'DAY', 'REJECTED', '201: no', 0, 2, :at, :at)""")
                    .param("id", UuidV7.next()).param("t", tenant).param("coid", "c-" + UuidV7.next())
                    .param("at", Timestamps.bind(at)).update();
        }
    }

    private List<String> events() {
        return db.jdbc.sql("SELECT event_type FROM outbox_events WHERE tenant_id = :t ORDER BY id")
                .param("t", tenant).query(String.class).list();
    }

    private int trips() {
        return db.jdbc.sql("SELECT count(*) FROM circuit_breaker_trips WHERE tenant_id = :t")
                .param("t", tenant).query(Integer.class).single();
    }

    @Test
    void aTripRecordsItselfEngagesTheSwitchOnceAndAReleaseStartsTheCountAfresh() {
        rejected(2);
        assertThat(activities.evaluate(new TenantId(tenant)).trips()).as("2 is not above 2").isZero();
        rejected(1);

        assertThat(activities.evaluate(new TenantId(tenant)).trips()).isEqualTo(1);
        KillSwitchRow row = switches.find(tenant, "TENANT", tenant).orElseThrow();
        assertThat(row.state()).isEqualTo("HALTED");
        assertThat(row.reasonCode()).isEqualTo("CIRCUIT_BREAKER_REJECT_STORM");
        assertThat(row.actor()).isEqualTo("circuit-breaker");
        assertThat(row.reason()).isEqualTo("REJECT_STORM: 3 > 2 orders in 600 s");
        assertThat(events()).containsExactly("risk.breached", "killswitch.engaged");
        assertThat(db.jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action = 'circuit_breaker.trip'")
                .param("t", tenant).query(Integer.class).single()).isEqualTo(1);

        rejected(5);
        assertThat(activities.evaluate(new TenantId(tenant)).trips()).as("engaged: at most one trip").isZero();
        assertThat(trips()).isEqualTo(1);

        KillSwitchClient.release(env.getWorkflowClient(), key, new ReleaseRequest("user:1", "looked at it"));
        assertThat(activities.evaluate(new TenantId(tenant)).trips()).as("the rejects before the release").isZero();
        rejected(3);
        assertThat(activities.evaluate(new TenantId(tenant)).trips()).isEqualTo(1);
        assertThat(trips()).isEqualTo(2);
        assertThat(switches.find(tenant, "TENANT", tenant).orElseThrow().state()).isEqualTo("HALTED");
    }

    @Test
    void aTripWhoseEngagementDidNotLandIsEngagedAtTheNextPassWithoutASecondTrip() {
        breakers.insertTrip(new BreakerTrip(0, tenant, BreakerKind.REJECT_STORM, "TENANT", tenant, "HALTED",
                new BigDecimal("9"), new BigDecimal("2"), 600, 9, null, Instant.now().truncatedTo(ChronoUnit.MICROS)));

        assertThat(activities.evaluate(new TenantId(tenant)).trips()).isEqualTo(1);

        assertThat(switches.find(tenant, "TENANT", tenant).orElseThrow().reasonCode()).isEqualTo("CIRCUIT_BREAKER_REJECT_STORM");
        assertThat(trips()).isEqualTo(1);
        assertThat(events()).containsExactly("killswitch.engaged");
    }

    @Test
    void aDisabledBreakerIsNotEvaluated() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        breakers.upsert(new CircuitBreaker(tenant, BreakerKind.REJECT_STORM, "TENANT", null, BigDecimal.ONE, 600,
                "HALTED", false, "user:x", now, "user:x", now));
        rejected(5);
        var check = activities.evaluate(new TenantId(tenant));
        assertThat(check.enabledBreakers()).isZero();
        assertThat(check.trips()).isZero();
        assertThat(check.nextCheckInMillis()).isEqualTo(5_000);
        assertThat(switches.find(tenant, "TENANT", tenant)).isEmpty();
    }
}
