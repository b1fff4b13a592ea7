package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
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
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerActivitiesImplTest {
    private static final Instant T0 = Instant.parse("2025-01-02T14:30:00Z");

    private final LedgerTestDb db = LedgerTestDb.get();
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final ExecutionRepository executions = new ExecutionRepository(db.jdbc);
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final AuditRepository audit = new AuditRepository(db.jdbc);
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, orders, executions, positions, audit, outbox);

    private final TenantId tenant = new TenantId(db.newTenant());
    private final String account = "DU" + LedgerTestDb.randomHex(4);

    private OrderView order(OrderId id, String clientOrderId, long version, OrderState state) {
        return new OrderView(id, tenant, new ClientOrderId(clientOrderId), account, "AAPL", Side.BUY, OrderType.LMT,
                new BigDecimal("100"), new BigDecimal("150.25"), null, null, null, TimeInForce.DAY, null, false, state, BigDecimal.ZERO, null,
                version > 1 ? 17 : null, null, null, version, T0, T0.plusSeconds(version));
    }

    private List<AuditRecord> orderAudit(OrderId id) {
        return audit.listByResource(tenant.value(), "order", id.toString());
    }

    private ExecutionRecord execution(OrderId orderId, String execId, Side side, String qty, String price) {
        return new ExecutionRecord(tenant, orderId, account, "AAPL", side, execId, new BigDecimal(qty),
                new BigDecimal(price), "ISLAND", 17, 99L, T0);
    }

    private OrderId placedOrder() {
        OrderId id = new OrderId(UuidV7.next());
        ledger.recordState(new StateChange(order(id, "c-" + LedgerTestDb.randomHex(3), 1, OrderState.NEW), "order.created", "user:alice", null));
        return id;
    }

    @Test
    void recordStateInsertsTheOrderAndAuditsItsCreation() {
        OrderId id = new OrderId(UuidV7.next());
        ledger.recordState(new StateChange(order(id, "c1", 1, OrderState.NEW), "order.created", "user:alice", "via API"));

        OrderView stored = OrderRows.toView(orders.findById(tenant.value(), id.value()).orElseThrow());
        assertThat(stored.state()).isEqualTo(OrderState.NEW);
        assertThat(stored.clientOrderId().value()).isEqualTo("c1");
        List<AuditRecord> entries = orderAudit(id);
        assertThat(entries).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("order.created");
            assertThat(a.actor()).isEqualTo("user:alice");
            assertThat(a.resourceVersion()).isEqualTo(1L);
            assertThat(a.beforeJson()).isNull();
            assertThat(a.afterJson()).contains("\"state\": \"NEW\"").contains("\"limit_price\": 150.25");
            assertThat(a.detail()).isEqualTo("via API");
        });
    }

    @Test
    void recordStateIsIdempotentWhenRetried() {
        OrderId id = new OrderId(UuidV7.next());
        StateChange created = new StateChange(order(id, "c1", 1, OrderState.NEW), "order.created", "user:alice", null);
        StateChange routed = new StateChange(order(id, "c1", 2, OrderState.ROUTED), "order.routed", "broker", null);
        ledger.recordState(created);
        ledger.recordState(created);
        ledger.recordState(routed);
        ledger.recordState(routed);

        assertThat(orders.findById(tenant.value(), id.value()).orElseThrow().version()).isEqualTo(2);
        List<AuditRecord> entries = orderAudit(id);
        assertThat(entries).extracting(AuditRecord::action).containsExactly("order.created", "order.routed");
        assertThat(entries.get(1).beforeJson()).contains("\"state\": \"NEW\"");
        assertThat(entries.get(1).afterJson()).contains("\"state\": \"ROUTED\"");
    }

    @Test
    void recordStateRefusesToGoBackToAnOlderVersion() {
        OrderId id = new OrderId(UuidV7.next());
        ledger.recordState(new StateChange(order(id, "c1", 3, OrderState.FILLED), "order.filled", "broker", null));
        ledger.recordState(new StateChange(order(id, "c1", 2, OrderState.ROUTED), "order.routed", "broker", null));

        var stored = orders.findById(tenant.value(), id.value()).orElseThrow();
        assertThat(stored.state()).isEqualTo("FILLED");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(orderAudit(id)).extracting(AuditRecord::action).containsExactly("order.filled");
    }

    @Test
    void clientOrderIdOfAnotherOrderFailsNonRetryablyAsDuplicate() {
        ledger.recordState(new StateChange(order(new OrderId(UuidV7.next()), "dup", 1, OrderState.NEW), "order.created", "a", null));
        OrderId second = new OrderId(UuidV7.next());

        assertThatThrownBy(() -> ledger.recordState(new StateChange(order(second, "dup", 1, OrderState.NEW), "order.created", "a", null)))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
                    assertThat(f.getType()).isEqualTo("DUPLICATE_CLIENT_ORDER_ID");
                    assertThat(f.isNonRetryable()).isTrue();
                });
        assertThat(orders.findById(tenant.value(), second.value())).isEmpty();
        assertThat(orderAudit(second)).isEmpty();
    }

    @Test
    void orderIdOfAnotherTenantIsRefusedAndLeftUntouched() {
        OrderId id = placedOrder();
        TenantId other = new TenantId(db.newTenant());
        OrderView foreign = order(id, "x1", 5, OrderState.CANCELED);
        OrderView intruding = new OrderView(id, other, foreign.clientOrderId(), account, "AAPL", Side.BUY, OrderType.LMT,
                foreign.quantity(), foreign.limitPrice(), null, null, null, TimeInForce.DAY, null, false, OrderState.CANCELED, BigDecimal.ZERO, null,
                null, null, null, 5, T0, T0);

        assertThatThrownBy(() -> ledger.recordState(new StateChange(intruding, "order.canceled", "x", null)))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("STATE_CONFLICT"));
        assertThat(orders.findById(tenant.value(), id.value()).orElseThrow().state()).isEqualTo("NEW");
    }

    @Test
    void recordFillWritesTheExecutionAndTheNewStateTogetherAndOnce() {
        OrderId id = placedOrder();
        ExecutionRecord fill = execution(id, "f-1", Side.BUY, "100", "150");
        StateChange filled = new StateChange(order(id, orders.findById(tenant.value(), id.value()).orElseThrow().clientOrderId(),
                2, OrderState.FILLED), "order.filled", "broker", null);

        assertThat(ledger.recordFill(fill, filled)).isTrue();
        assertThat(ledger.recordFill(fill, filled)).isFalse();

        assertThat(orders.findById(tenant.value(), id.value()).orElseThrow().state()).isEqualTo("FILLED");
        assertThat(executions.listByOrder(tenant.value(), id.value())).hasSize(1);
        assertThat(positions.find(tenant.value(), account, "AAPL").orElseThrow().quantity()).isEqualByComparingTo("100");
        assertThat(orderAudit(id)).extracting(AuditRecord::action).containsExactly("order.created", "order.filled");
    }

    @Test
    void recordFillWithoutAStateChangeRecordsOnlyTheExecution() {
        OrderId id = placedOrder();
        assertThat(ledger.recordFill(execution(id, "f-2", Side.SELL, "5", "151"), null)).isTrue();
        assertThat(orders.findById(tenant.value(), id.value()).orElseThrow().version()).isEqualTo(1);
        assertThat(positions.find(tenant.value(), account, "AAPL").orElseThrow().quantity()).isEqualByComparingTo("-5");
    }

    @Test
    void anExecutionRecordedTwiceMovesThePositionOnce() {
        OrderId id = placedOrder();
        ExecutionRecord fill = execution(id, "e-1", Side.BUY, "10", "150");

        assertThat(ledger.recordExecution(fill)).isTrue();
        assertThat(ledger.recordExecution(fill)).isFalse();

        PositionRow p = positions.find(tenant.value(), account, "AAPL").orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("10");
        assertThat(p.avgCost()).isEqualByComparingTo("150");
        assertThat(executions.listByOrder(tenant.value(), id.value())).hasSize(1);
        assertThat(audit.listByResource(tenant.value(), "execution", account + ":e-1"))
                .singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("execution.recorded"));
    }

    @Test
    void executionsMoveThePositionWithRealizedPnl() {
        OrderId id = placedOrder();
        ledger.recordExecution(execution(id, "e-1", Side.BUY, "10", "150"));
        ledger.recordExecution(execution(id, "e-2", Side.SELL, "4", "155.5"));

        PositionRow p = positions.find(tenant.value(), account, "AAPL").orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("6");
        assertThat(p.avgCost()).isEqualByComparingTo("150");
        assertThat(p.realizedPnl()).isEqualByComparingTo("22");
    }

    @Test
    void commissionIsAppliedToThePositionOnce() {
        OrderId id = placedOrder();
        ledger.recordExecution(execution(id, "e-1", Side.BUY, "10", "150"));
        CommissionRecord commission = new CommissionRecord(tenant, account, "e-1", new BigDecimal("1.25"), "USD");

        ledger.recordCommission(commission);
        ledger.recordCommission(commission);
        ledger.recordCommission(new CommissionRecord(tenant, account, "e-1", new BigDecimal("7"), "USD"));

        assertThat(positions.find(tenant.value(), account, "AAPL").orElseThrow().commissions()).isEqualByComparingTo("1.25");
        assertThat(executions.find(tenant.value(), account, "e-1").orElseThrow().commission()).isEqualByComparingTo("1.25");
    }

    @Test
    void commissionForAnUnrecordedExecutionChangesNothing() {
        ledger.recordCommission(new CommissionRecord(tenant, account, "ghost", BigDecimal.ONE, "USD"));
        assertThat(positions.list(tenant.value(), java.util.Optional.empty())).isEmpty();
    }

    @Test
    void orderViewSurvivesTheRoundTripThroughItsRow() {
        OrderView view = order(new OrderId(UuidV7.next()), "c9", 2, OrderState.ROUTED);
        assertThat(OrderRows.toView(OrderRows.toRow(view))).isEqualTo(view);
    }
}
