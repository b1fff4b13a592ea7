package io.oms.activities.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchScope;
import io.oms.workflows.killswitch.KillSwitchView;
import io.oms.workflows.killswitch.TradingState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill switch's state reaches the read table and the outbox together, once per transition. */
class KillSwitchActivitiesImplTest {
    private final LedgerTestDb db = LedgerTestDb.get();
    private final KillSwitchRepository switches = new KillSwitchRepository(db.jdbc);
    private final KillSwitchActivitiesImpl activities =
            new KillSwitchActivitiesImpl(db.tx, switches, new OutboxRepository(db.jdbc), new OrderCanceller(null));
    private final String tenant = db.newTenant();
    private final KillSwitchKey key = new KillSwitchKey(tenant, KillSwitchScope.TENANT, tenant);

    @Test
    void recordsEachTransitionOnceWithItsEvent() {
        KillSwitchView halted = new KillSwitchView(key, TradingState.HALTED, "LOSS_LIMIT", "daily loss", "user:1",
                Instant.parse("2026-12-01T15:00:00Z"), 1, null);
        KillSwitchView released = new KillSwitchView(key, TradingState.ACTIVE, null, "ok", "user:2",
                Instant.parse("2026-12-01T15:05:00Z"), 2, null);

        activities.recordState(halted);
        activities.recordState(halted); // a retried activity
        activities.recordState(released);

        assertThat(switches.find(tenant, "TENANT", tenant)).get().satisfies(row -> {
            assertThat(row.state()).isEqualTo("ACTIVE");
            assertThat(row.version()).isEqualTo(2);
        });
        List<String> events = db.jdbc.sql("SELECT event_type FROM outbox_events WHERE tenant_id = :t ORDER BY id")
                .param("t", tenant).query(String.class).list();
        assertThat(events).containsExactly("killswitch.engaged", "killswitch.released");
        String payload = db.jdbc.sql("SELECT payload::text FROM outbox_events WHERE tenant_id = :t ORDER BY id LIMIT 1")
                .param("t", tenant).query(String.class).single();
        assertThat(payload).contains("\"reasonCode\": \"LOSS_LIMIT\"").contains("\"scope\": \"TENANT\"");
    }

    @Test
    void aStrategySwitchSweepsTheLiveOrdersNamingItsStrategyAndATenantSwitchOnlyItsOwn() {
        assertThat(activities.liveOrders(new KillSwitchKey(tenant, KillSwitchScope.STRATEGY, "s1"))).isEmpty();
        assertThat(activities.liveOrders(key)).isEmpty();
        order("c-s1-live", "s1", "ROUTED");
        order("c-s1-done", "s1", "FILLED");
        order("c-s2-live", "s2", "ROUTED");
        order("c-none", null, "ROUTED");
        assertThat(activities.liveOrders(new KillSwitchKey(tenant, KillSwitchScope.STRATEGY, "s1")))
                .containsExactly("order/" + tenant + "/c-s1-live");
        assertThat(activities.liveOrders(key)).hasSize(3);
    }

    private void order(String clientOrderId, String strategy, String state) {
        db.jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity,
                                            limit_price, tif, state, version, created_at, updated_at, strategy)
                        VALUES (gen_random_uuid(), :t, :c, 'DU1', 'AAPL', 'BUY', 'LMT', 10, 50, 'DAY', :state, 1, now(),
                                now(), :strategy)""")
                .param("t", tenant).param("c", clientOrderId).param("state", state).param("strategy", strategy).update();
    }
}
