package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KillSwitchRepositoryTest {
    private final TestDb db = TestDb.get();
    private final KillSwitchRepository switches = new KillSwitchRepository(db.jdbc);
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final String tenant = db.newTenant();

    private KillSwitchRow row(String scope, String id, String state, long version) {
        return new KillSwitchRow(tenant, scope, id, state, "LOSS", "why", "user:1", Instant.parse("2026-12-01T15:00:00Z"), version);
    }

    @Test
    void savesANewerVersionAndNeverAnOlderOrTheSameAgain() {
        assertThat(switches.save(row("TENANT", tenant, "HALTED", 1))).isTrue();
        assertThat(switches.save(row("TENANT", tenant, "HALTED", 1))).as("a retried write").isFalse();
        assertThat(switches.save(row("TENANT", tenant, "ACTIVE", 2))).isTrue();
        assertThat(switches.save(row("TENANT", tenant, "HALTED", 1))).as("an older state").isFalse();
        assertThat(switches.find(tenant, "TENANT", tenant)).get().extracting(KillSwitchRow::state).isEqualTo("ACTIVE");
    }

    @Test
    void listsOnlyEngagedSwitchesOfTheTenantAndTheGlobalOne() {
        switches.save(row("ACCOUNT", "DU1", "HALTED", 1));
        switches.save(row("ACCOUNT", "DU2", "ACTIVE", 2));
        switches.save(new KillSwitchRow(db.newTenant(), "TENANT", "x", "HALTED", "X", null, "u", Instant.now(), 1));

        assertThat(switches.engaged(tenant, "_nobody")).extracting(KillSwitchRow::scopeId).containsExactly("DU1");
        assertThat(switches.engaged()).extracting(KillSwitchRow::scopeId).contains("DU1", "x").doesNotContain("DU2");
    }

    @Test
    void listsTheLiveOrdersOfATenantOrAnAccountOnly() {
        orders.upsertState(Rows.order(tenant, UUID.randomUUID(), "routed", 1, "ROUTED"));
        orders.upsertState(Rows.order(tenant, UUID.randomUUID(), "new", 1, "NEW"));
        orders.upsertState(Rows.order(tenant, UUID.randomUUID(), "pending", 1, "PENDING_CANCEL"));
        orders.upsertState(Rows.order(tenant, UUID.randomUUID(), "done", 1, "CANCELED"));
        String other = db.newTenant();
        orders.upsertState(Rows.order(other, UUID.randomUUID(), "theirs", 1, "ROUTED"));

        assertThat(switches.liveOrders(tenant, null)).extracting(KillSwitchRepository.LiveOrder::clientOrderId)
                .containsExactlyInAnyOrder("routed", "new", "pending");
        assertThat(switches.liveOrders(tenant, "DU1")).hasSize(3);
        assertThat(switches.liveOrders(tenant, "DU9")).isEmpty();
        assertThat(switches.liveOrders(null, null)).extracting(KillSwitchRepository.LiveOrder::clientOrderId)
                .contains("routed", "theirs").doesNotContain("done");
    }
}
