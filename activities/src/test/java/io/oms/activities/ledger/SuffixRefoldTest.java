package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.OrderView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fill from the past refolds only the suffix of its position from the checkpoint before it, on real
 * PostgreSQL: what comes before is not rewritten, and executions without checkpoints (recorded before they
 * existed) are folded from the start once.
 */
class SuffixRefoldTest {
    private static final Instant T0 = FillScenario.T0;

    private final LedgerTestDb db = LedgerTestDb.get();
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, new OrderRepository(db.jdbc),
            new ExecutionRepository(db.jdbc), positions, new AuditRepository(db.jdbc), new OutboxRepository(db.jdbc));
    private final TenantId tenant = new TenantId(db.newTenant());
    private final String account = "S" + LedgerTestDb.randomHex(4);
    private final OrderId order = placedOrder();

    @Test
    void fillBeforeTheLastOneLeavesEarlierExecutionsRowsUntouched() {
        fill("e1", Side.BUY, 10, "100.00", 0);
        fill("e2", Side.BUY, 10, "102.00", 1);
        fill("e3", Side.SELL, 5, "105.00", 2);
        fill("e4", Side.SELL, 5, "99.00", 3);
        Map<String, String> versionsBefore = rowVersions();

        fill("e0", Side.SELL, 4, "101.00", 2); // same executed_at as e3 and sorts before it: refold e0, e3, e4

        Map<String, String> versionsAfter = rowVersions();
        assertThat(versionsAfter.get("e1")).as("e1 row").isEqualTo(versionsBefore.get("e1"));
        assertThat(versionsAfter.get("e2")).as("e2 row").isEqualTo(versionsBefore.get("e2"));
        assertThat(versionsAfter.get("e3")).as("e3 row rewritten: its checkpoint moved").isNotEqualTo(versionsBefore.get("e3"));
        assertThat(versionsAfter.get("e4")).as("e4 row rewritten: its checkpoint moved").isNotEqualTo(versionsBefore.get("e4"));
        assertCheckpoint("e3", "11", "101", "20");
        PositionRow p = positions.find(tenant.value(), account, "AAPL").orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("6");
        assertThat(p.avgCost()).isEqualByComparingTo("101");
        assertThat(p.realizedPnl()).isEqualByComparingTo("10"); // 4 * 0 + 5 * 4 + 5 * -2
        assertCheckpoint("e4", "6", "101", "10");
    }

    @Test
    void executionsWithoutCheckpointsAreFoldedFromTheStartOnce() {
        fill("e1", Side.BUY, 10, "100.00", 0);
        fill("e2", Side.SELL, 4, "103.00", 1);
        fill("e3", Side.BUY, 2, "106.00", 3);
        db.jdbc.sql("UPDATE executions SET position_qty_after = NULL, avg_cost_after = NULL, realized_after = NULL"
                        + " WHERE tenant_id = :tenant AND account = :account")
                .param("tenant", tenant.value()).param("account", account).update(); // as recorded before V7

        fill("e4", Side.SELL, 2, "110.00", 2);

        assertCheckpoint("e1", "10", "100", "0");
        assertCheckpoint("e2", "6", "100", "12");
        assertCheckpoint("e4", "4", "100", "32");
        assertCheckpoint("e3", "6", "102", "32");
        assertThat(positions.find(tenant.value(), account, "AAPL").orElseThrow().avgCost()).isEqualByComparingTo("102");
    }

    private void fill(String execId, Side side, int quantity, String price, int second) {
        ledger.recordExecution(new ExecutionRecord(tenant, order, account, "AAPL", side, execId + ".01",
                BigDecimal.valueOf(quantity), new BigDecimal(price), "ISLAND", 1, 1L, T0.plusSeconds(second)));
    }

    /** Each execution's row version (xmin): it changes whenever the row is written. */
    private Map<String, String> rowVersions() {
        return db.jdbc.sql("SELECT exec_id, xmin::text AS version FROM executions WHERE tenant_id = :tenant AND account = :account")
                .param("tenant", tenant.value()).param("account", account)
                .query((rs, n) -> Map.entry(rs.getString(1).replace(".01", ""), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void assertCheckpoint(String execId, String quantity, String avgCost, String realized) {
        assertThat(checkpoint(execId)).as(execId + " checkpoint").usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal(quantity), new BigDecimal(avgCost), new BigDecimal(realized));
    }

    private List<BigDecimal> checkpoint(String execId) {
        return db.jdbc.sql("SELECT position_qty_after, avg_cost_after, realized_after FROM executions"
                        + " WHERE tenant_id = :tenant AND account = :account AND exec_id = :execId")
                .param("tenant", tenant.value()).param("account", account).param("execId", execId + ".01")
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    private OrderId placedOrder() {
        OrderId id = new OrderId(UuidV7.next());
        OrderView view = new OrderView(id, tenant, new ClientOrderId("s-" + LedgerTestDb.randomHex(4)), account, "AAPL",
                Side.BUY, OrderType.MKT, BigDecimal.ONE, null, null, null, null, TimeInForce.DAY, null, false,
                OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 1, T0, T0);
        ledger.recordState(new StateChange(view, "order.created", "test", null));
        return id;
    }
}
