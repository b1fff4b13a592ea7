package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keyset pages over a real database: rows sharing the sort value are neither skipped nor repeated. */
class PagedListsTest {
    private final TestDb db = TestDb.get();
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final PagedLists pages = new PagedLists(db.jdbc);
    private final String tenant = db.newTenant();
    private static final PagedLists.OrderFilter ALL = new PagedLists.OrderFilter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void pagesOfOneWalkOrdersWithTheSameCreationTimeOnceEachInEitherDirection() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UuidV7.next();
            ids.add(id);
            db.tx.execute(s -> orders.upsertState(Rows.order(tenant, id, "c-" + id, 1, "NEW"))); // all created at T0
        }
        assertThat(walk(false)).containsExactlyElementsOf(ids.reversed());
        assertThat(walk(true)).containsExactlyElementsOf(ids);
    }

    @Test
    void filtersAndTenantScopeApply() {
        UUID routed = UuidV7.next();
        db.tx.execute(s -> orders.upsertState(Rows.order(tenant, UuidV7.next(), "n1", 1, "NEW")));
        db.tx.execute(s -> orders.upsertState(Rows.order(tenant, routed, "r1", 1, "ROUTED")));
        PagedLists.OrderFilter onlyRouted = new PagedLists.OrderFilter(Optional.of("ROUTED"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(pages.orders(tenant, onlyRouted, false, Optional.empty(), 10)).extracting(OrderRow::id).containsExactly(routed);
        PagedLists.OrderFilter after = new PagedLists.OrderFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Rows.T0), Optional.empty());
        assertThat(pages.orders(tenant, after, false, Optional.empty(), 10)).as("created_after is exclusive").isEmpty();
        assertThat(pages.orders(db.newTenant(), ALL, false, Optional.empty(), 10)).isEmpty();
    }

    private List<UUID> walk(boolean ascending) {
        List<UUID> seen = new ArrayList<>();
        Optional<PagedLists.OrderKey> after = Optional.empty();
        for (int i = 0; i < 10; i++) {
            List<OrderRow> page = pages.orders(tenant, ALL, ascending, after, 1);
            if (page.isEmpty()) break;
            OrderRow row = page.getFirst();
            seen.add(row.id());
            after = Optional.of(new PagedLists.OrderKey(row.createdAt(), row.id()));
        }
        return seen;
    }
}
