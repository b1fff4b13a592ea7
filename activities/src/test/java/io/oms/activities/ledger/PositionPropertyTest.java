package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.ExecutionRow;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.activities.CommissionRecord;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever order, duplicates and corrections the broker delivers fills in, the real ledger on real
 * PostgreSQL ends with the position, realized P&L and commissions of a plain fold over the unique effective
 * executions. Seeded; a failure names its seed (rerun one with -Doms.property.seed=N).
 */
class PositionPropertyTest {
    private static final int CASES = 40;
    private static final int MAX_EXECUTIONS = 12;

    private final LedgerTestDb db = LedgerTestDb.get();
    private final ExecutionRepository executions = new ExecutionRepository(db.jdbc);
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, new OrderRepository(db.jdbc), executions,
            positions, new AuditRepository(db.jdbc), new OutboxRepository(db.jdbc));
    private final TenantId tenant = new TenantId(db.newTenant());

    @Test
    void positionsEqualAFoldOverTheUniqueEffectiveExecutions() {
        long first = Long.getLong("oms.property.seed", 20_251_201L);
        int cases = System.getProperty("oms.property.seed") == null ? CASES : 1;
        for (long seed = first; seed < first + cases; seed++) {
            FillScenario scenario = new FillScenario(seed, MAX_EXECUTIONS);
            String account = "P" + LedgerTestDb.randomHex(4);
            OrderId order = placedOrder(account);
            for (FillScenario.Message m : scenario.arrivals) {
                deliver(account, order, m);
            }
            check(scenario, account, order);
        }
    }

    private void deliver(String account, OrderId order, FillScenario.Message m) {
        FillScenario.Fill f = m.fill();
        if (m.commission()) {
            ledger.recordCommission(new CommissionRecord(tenant, account, f.execId(), f.commission(), "USD"));
        } else {
            ledger.recordExecution(new ExecutionRecord(tenant, order, account, "AAPL", f.side(), f.execId(), f.quantity(),
                    f.price(), "ISLAND", 1, 1L, f.executedAt()));
        }
    }

    private void check(FillScenario scenario, String account, OrderId order) {
        PositionFold.Result expected = scenario.expected();
        PositionRow actual = positions.find(tenant.value(), account, "AAPL").orElseThrow();
        String why = scenario.toString();
        assertThat(actual.quantity()).as(why + ": quantity").isEqualByComparingTo(expected.position().quantity());
        assertThat(actual.avgCost()).as(why + ": avg cost").isEqualByComparingTo(expected.position().avgCost());
        assertThat(actual.realizedPnl()).as(why + ": realized").isEqualByComparingTo(expected.position().realizedPnl());
        assertThat(actual.commissions()).as(why + ": commissions").isEqualByComparingTo(expected.commissions());
        List<ExecutionRow> listed = executions.listByOrder(tenant.value(), order.value());
        assertThat(listed).extracting(ExecutionRow::execId).as(why + ": effective executions")
                .containsExactlyElementsOf(scenario.effective().stream().map(FillScenario.Fill::execId).toList());
        BigDecimal realizedByExecution = listed.stream().map(ExecutionRow::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(realizedByExecution).as(why + ": realized per execution adds up").isEqualByComparingTo(actual.realizedPnl());
        assertCheckpointsAreTheFold(account, scenario.effective(), why);
    }

    /** Each effective execution carries the fold up to it; replaced ones carry nothing. */
    private void assertCheckpointsAreTheFold(String account, List<FillScenario.Fill> effective, String why) {
        List<Stored> stored = stored(account);
        List<Stored> folded = new ArrayList<>();
        Position p = Position.FLAT;
        for (FillScenario.Fill f : effective) {
            p = PositionMath.apply(p, f.side(), f.quantity(), f.price());
            folded.add(new Stored(f.execId(), norm(p.quantity()), norm(p.avgCost()), norm(p.realizedPnl()), null));
        }
        assertThat(stored.stream().filter(s -> s.supersededBy() == null).toList()).as(why + ": checkpoints")
                .containsExactlyElementsOf(folded);
        assertThat(stored.stream().filter(s -> s.supersededBy() != null)).as(why + ": replaced executions have no checkpoint")
                .allSatisfy(s -> assertThat(List.of(s.quantityAfter() == null, s.avgCostAfter() == null,
                        s.realizedAfter() == null)).containsOnly(true));
    }

    record Stored(String execId, BigDecimal quantityAfter, BigDecimal avgCostAfter, BigDecimal realizedAfter,
                  String supersededBy) {}

    /** Every execution of the account's AAPL position in canonical order, read straight from the table. */
    private List<Stored> stored(String account) {
        return db.jdbc.sql("""
                        SELECT exec_id, position_qty_after, avg_cost_after, realized_after, superseded_by FROM executions
                        WHERE tenant_id = :tenant AND account = :account AND symbol = 'AAPL' ORDER BY executed_at, exec_id""")
                .param("tenant", tenant.value())
                .param("account", account)
                .query((rs, n) -> new Stored(rs.getString(1), norm(rs.getBigDecimal(2)), norm(rs.getBigDecimal(3)),
                        norm(rs.getBigDecimal(4)), rs.getString(5)))
                .list();
    }

    /** Numerically equal decimals compare equal in records. */
    private static BigDecimal norm(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private OrderId placedOrder(String account) {
        OrderId id = new OrderId(UuidV7.next());
        OrderView view = new OrderView(id, tenant, new ClientOrderId("p-" + LedgerTestDb.randomHex(4)), account, "AAPL",
                Side.BUY, OrderType.MKT, BigDecimal.ONE, null, null, null, null, TimeInForce.DAY, null, false,
                OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 1, FillScenario.T0, FillScenario.T0);
        ledger.recordState(new StateChange(view, "order.created", "test", null));
        return id;
    }

}
