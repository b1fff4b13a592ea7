package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRepositoryTest {
    private final TestDb db = TestDb.get();
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final String tenant = db.newTenant();

    private OrderUpsert upsert(OrderRow row) {
        return db.tx.execute(s -> orders.upsertState(row));
    }

    @Test
    void firstUpsertInsertsTheOrderAndReportsNoPreviousRow() {
        UUID id = UuidV7.next();
        OrderUpsert result = upsert(Rows.order(tenant, id, "c1", 1, "NEW"));
        assertThat(result.applied()).isTrue();
        assertThat(result.previous()).isEmpty();
        OrderRow stored = orders.findById(tenant, id).orElseThrow();
        assertThat(stored.state()).isEqualTo("NEW");
        assertThat(stored.limitPrice()).isEqualByComparingTo("150.25");
        assertThat(stored.createdAt()).isEqualTo(Rows.T0);
    }

    @Test
    void replayingTheSameVersionChangesNothing() {
        UUID id = UuidV7.next();
        upsert(Rows.order(tenant, id, "c1", 1, "NEW"));
        OrderUpsert replay = upsert(Rows.order(tenant, id, "c1", 1, "NEW"));
        assertThat(replay.applied()).isFalse();
        assertThat(orders.findById(tenant, id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void higherVersionIsWrittenAndReturnsTheRowAsItWas() {
        UUID id = UuidV7.next();
        upsert(Rows.order(tenant, id, "c1", 1, "NEW"));
        OrderUpsert result = upsert(Rows.order(tenant, id, "c1", 2, "ROUTED"));
        assertThat(result.applied()).isTrue();
        assertThat(result.previous()).map(OrderRow::state).contains("NEW");
        assertThat(orders.findById(tenant, id).orElseThrow().state()).isEqualTo("ROUTED");
    }

    @Test
    void lowerVersionNeverOverwritesANewerRow() {
        UUID id = UuidV7.next();
        upsert(Rows.order(tenant, id, "c1", 3, "FILLED"));
        OrderUpsert stale = upsert(Rows.order(tenant, id, "c1", 2, "ROUTED"));
        assertThat(stale.applied()).isFalse();
        OrderRow stored = orders.findById(tenant, id).orElseThrow();
        assertThat(stored.state()).isEqualTo("FILLED");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void clientOrderIdUsedByAnotherOrderOfTheTenantIsRefused() {
        upsert(Rows.order(tenant, UuidV7.next(), "dup", 1, "NEW"));
        assertThatThrownBy(() -> upsert(Rows.order(tenant, UuidV7.next(), "dup", 1, "NEW")))
                .isInstanceOf(DuplicateClientOrderIdException.class);
    }

    @Test
    void sameClientOrderIdIsFineInAnotherTenant() {
        String other = db.newTenant();
        upsert(Rows.order(tenant, UuidV7.next(), "shared", 1, "NEW"));
        assertThat(upsert(Rows.order(other, UuidV7.next(), "shared", 1, "NEW")).applied()).isTrue();
    }

    @Test
    void readsAreScopedToTheTenant() {
        UUID id = UuidV7.next();
        upsert(Rows.order(tenant, id, "mine", 1, "NEW"));
        String other = db.newTenant();
        assertThat(orders.findById(other, id)).isEmpty();
        assertThat(orders.findByClientOrderId(other, "mine")).isEmpty();
        assertThat(orders.findByClientOrderId(tenant, "mine")).map(OrderRow::id).contains(id);
        assertThat(orders.list(other, Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listIsNewestFirstFiltersByStateAndPagesWithTheCursor() {
        UUID a = UuidV7.at(1_000), b = UuidV7.at(2_000), c = UuidV7.at(3_000);
        upsert(Rows.order(tenant, a, "a", 1, "NEW"));
        upsert(Rows.order(tenant, b, "b", 1, "FILLED"));
        upsert(Rows.order(tenant, c, "c", 1, "NEW"));

        assertThat(orders.list(tenant, Optional.empty(), Optional.empty(), 10)).extracting(OrderRow::id).containsExactly(c, b, a);
        assertThat(orders.list(tenant, Optional.of("NEW"), Optional.empty(), 10)).extracting(OrderRow::id).containsExactly(c, a);
        List<OrderRow> page1 = orders.list(tenant, Optional.empty(), Optional.empty(), 2);
        assertThat(page1).extracting(OrderRow::id).containsExactly(c, b);
        assertThat(orders.list(tenant, Optional.empty(), Optional.of(b), 2)).extracting(OrderRow::id).containsExactly(a);
    }
}
