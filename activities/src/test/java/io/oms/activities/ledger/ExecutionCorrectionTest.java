package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.ExecutionRow;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxEvent;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Corrections, late commissions and out-of-order fills through the real ledger and PostgreSQL. */
class ExecutionCorrectionTest {
    private static final Instant T0 = Instant.parse("2025-01-02T14:30:00Z");

    private final LedgerTestDb db = LedgerTestDb.get();
    private final ExecutionRepository executions = new ExecutionRepository(db.jdbc);
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final AuditRepository audit = new AuditRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, new OrderRepository(db.jdbc), executions,
            positions, audit, outbox);

    private final TenantId tenant = new TenantId(db.newTenant());
    private final String account = "DU" + LedgerTestDb.randomHex(4);
    private final OrderId order = placedOrder();

    private OrderId placedOrder() {
        OrderId id = new OrderId(UuidV7.next());
        OrderView view = new OrderView(id, tenant, new ClientOrderId("c-" + LedgerTestDb.randomHex(3)), account, "AAPL",
                Side.BUY, OrderType.MKT, new BigDecimal("100"), null, null, null, null, TimeInForce.DAY, null, false,
                OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 1, T0, T0);
        ledger.recordState(new StateChange(view, "order.created", "user:test", null));
        return id;
    }

    private ExecutionRecord fill(String execId, Side side, String qty, String price, int secondsAfterT0) {
        return new ExecutionRecord(tenant, order, account, "AAPL", side, execId, new BigDecimal(qty), new BigDecimal(price),
                "ISLAND", 17, 99L, T0.plusSeconds(secondsAfterT0));
    }

    private PositionRow position() {
        return positions.find(tenant.value(), account, "AAPL").orElseThrow();
    }

    private void commission(String execId, String amount) {
        ledger.recordCommission(new CommissionRecord(tenant, account, execId, new BigDecimal(amount), "USD"));
    }

    @Test
    void correctionReplacesTheEarlierExecutionWhichStaysAsSuperseded() {
        ledger.recordExecution(fill("0001.01", Side.BUY, "10", "100", 0));
        ledger.recordExecution(fill("0001.02", Side.BUY, "10", "101", 0));

        assertThat(position().quantity()).isEqualByComparingTo("10");
        assertThat(position().avgCost()).isEqualByComparingTo("101");
        assertThat(executions.find(tenant.value(), account, "0001.01").orElseThrow().supersededBy()).isEqualTo("0001.02");
        assertThat(executions.listByOrder(tenant.value(), order.value())).extracting(ExecutionRow::execId)
                .containsExactly("0001.02");
        assertThat(audit.listByResource(tenant.value(), "execution", account + ":0001.01"))
                .extracting(a -> a.action()).containsExactly("execution.recorded", "execution.superseded");
    }

    @Test
    void lowerRevisionArrivingAfterItsCorrectionIsRecordedAsSupersededAndChangesNothing() {
        ledger.recordExecution(fill("0002.02", Side.BUY, "10", "101", 0));
        PositionRow before = position();

        assertThat(ledger.recordExecution(fill("0002.01", Side.BUY, "10", "100", 0))).isTrue();

        assertThat(position().quantity()).isEqualByComparingTo(before.quantity());
        assertThat(position().avgCost()).isEqualByComparingTo("101");
        assertThat(executions.find(tenant.value(), account, "0002.01").orElseThrow().supersededBy()).isEqualTo("0002.02");
        assertThat(executions.find(tenant.value(), account, "0002.02").orElseThrow().effective()).isTrue();
    }

    @Test
    void correctionOfAnEarlierFillRecomputesRealizedPnl() {
        ledger.recordExecution(fill("0003.01", Side.BUY, "10", "100", 0));
        ledger.recordExecution(fill("0004.01", Side.SELL, "10", "110", 5));
        assertThat(position().realizedPnl()).isEqualByComparingTo("100");

        ledger.recordExecution(fill("0003.02", Side.BUY, "10", "104", 0));

        assertThat(position().quantity()).isEqualByComparingTo("0");
        assertThat(position().realizedPnl()).isEqualByComparingTo("60");
        assertThat(executions.find(tenant.value(), account, "0004.01").orElseThrow().realizedPnl()).isEqualByComparingTo("60");
    }

    @Test
    void fillFromThePastIsFoldedInItsCanonicalPlace() {
        ledger.recordExecution(fill("0005.01", Side.SELL, "5", "120", 10));
        ledger.recordExecution(fill("0006.01", Side.BUY, "10", "100", 0)); // executed earlier, arrives later

        // buy 10 @100, then sell 5 @120: long 5 @100, realized 100
        assertThat(position().quantity()).isEqualByComparingTo("5");
        assertThat(position().avgCost()).isEqualByComparingTo("100");
        assertThat(position().realizedPnl()).isEqualByComparingTo("100");
    }

    @Test
    void commissionArrivingBeforeItsExecutionIsJoinedWhenTheExecutionIsRecorded() {
        commission("0007.01", "1.50");
        assertThat(positions.find(tenant.value(), account, "AAPL")).isEmpty();

        ledger.recordExecution(fill("0007.01", Side.BUY, "10", "100", 0));

        assertThat(executions.find(tenant.value(), account, "0007.01").orElseThrow().commission()).isEqualByComparingTo("1.50");
        assertThat(position().commissions()).isEqualByComparingTo("1.50");
    }

    @Test
    void correctionsCommissionReplacesTheCommissionOfWhatItCorrects() {
        ledger.recordExecution(fill("0008.01", Side.BUY, "10", "100", 0));
        commission("0008.01", "1.00");
        ledger.recordExecution(fill("0008.02", Side.BUY, "10", "100.5", 0));
        assertThat(position().commissions()).isEqualByComparingTo("0");

        commission("0008.02", "1.20");
        commission("0008.01", "9.99"); // a repeat for the replaced one changes nothing

        assertThat(position().commissions()).isEqualByComparingTo("1.20");
    }

    @Test
    void everyPositionChangeWritesOnePositionUpdatedEvent() {
        ledger.recordExecution(fill("0009.01", Side.BUY, "10", "100", 0));
        ledger.recordExecution(fill("0009.01", Side.BUY, "10", "100", 0)); // duplicate: no change, no event
        commission("0009.01", "1");

        List<OutboxEvent> events = outbox.listAfter(tenant.value(), 0, 100).stream()
                .filter(e -> e.eventType().equals("position.updated")).toList();
        assertThat(events).hasSize(2);
        assertThat(events.getLast().aggregateId()).isEqualTo(account + ":AAPL");
        assertThat(events.getLast().payloadJson()).contains("\"commissions\": 1").contains("\"quantity\": 10");
    }
}
