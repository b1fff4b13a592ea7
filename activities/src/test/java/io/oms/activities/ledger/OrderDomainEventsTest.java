package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PositionRepository;
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

/** The order's domain events are written to the outbox with the state change they describe, once. */
class OrderDomainEventsTest {
    private static final Instant T0 = Instant.parse("2026-02-03T14:30:00Z");

    private final LedgerTestDb db = LedgerTestDb.get();
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, orders, new ExecutionRepository(db.jdbc),
            new PositionRepository(db.jdbc), new AuditRepository(db.jdbc), outbox);
    private final TenantId tenant = new TenantId(db.newTenant());
    private final OrderId id = new OrderId(UuidV7.next());

    private StateChange change(long version, OrderState state, String action) {
        return new StateChange(new OrderView(id, tenant, new ClientOrderId("c-" + id), "DU1", "AAPL", Side.BUY,
                OrderType.MKT, new BigDecimal("10"), null, null, null, null, TimeInForce.DAY, null, false, state,
                state == OrderState.FILLED ? new BigDecimal("10") : BigDecimal.ZERO,
                state == OrderState.FILLED ? new BigDecimal("187.5") : null, version > 1 ? 7 : null, null, null,
                version, T0, T0.plusSeconds(version)), action, "broker", null);
    }

    private List<OutboxEvent> events() {
        return outbox.listAfter(tenant.value(), 0, 100);
    }

    @Test
    void eachAppliedStateChangeWritesItsEventWithTheOrder() {
        ledger.recordState(change(1, OrderState.NEW, "order.created"));
        ledger.recordState(change(2, OrderState.ROUTED, "order.routed"));
        ledger.recordFill(new ExecutionRecord(tenant, id, "DU1", "AAPL", Side.BUY, "x-" + id, new BigDecimal("10"),
                new BigDecimal("187.5"), "ISLAND", 7, 99L, T0), change(3, OrderState.FILLED, "order.filled"));

        // The fill also moved the position, in the same transaction.
        assertThat(events()).extracting(OutboxEvent::eventType)
                .containsExactly("order.created", "order.routed", "position.updated", "order.filled");
        List<OutboxEvent> events = events().stream().filter(e -> e.aggregateType().equals("order")).toList();
        assertThat(events).extracting(OutboxEvent::eventType).containsExactly("order.created", "order.routed", "order.filled");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.aggregateType()).isEqualTo("order");
            assertThat(e.aggregateId()).isEqualTo(id.toString());
            assertThat(e.payloadJson()).contains("\"eventId\": \"" + e.eventId() + "\"")
                    .contains("\"type\": \"" + e.eventType() + "\"");
        });
        assertThat(events.get(2).payloadJson()).contains("\"state\": \"FILLED\"").contains("\"avg_fill_price\": 187.5")
                .contains("\"occurredAt\": \"" + T0.plusSeconds(3) + "\"");
    }

    @Test
    void aReplayedStateChangeWritesNoSecondEvent() {
        ledger.recordState(change(1, OrderState.NEW, "order.created"));
        ledger.recordState(change(1, OrderState.NEW, "order.created"));
        ledger.recordState(change(2, OrderState.ROUTED, "order.routed"));
        ledger.recordState(change(2, OrderState.ROUTED, "order.routed"));

        assertThat(events()).extracting(OutboxEvent::eventType).containsExactly("order.created", "order.routed");
    }

    @Test
    void auditOnlyActionsPublishNothing() {
        ledger.recordState(change(1, OrderState.NEW, "order.created"));
        ledger.recordState(change(2, OrderState.FILLED, "order.fill_after_terminal"));

        assertThat(events()).extracting(OutboxEvent::eventType).containsExactly("order.created");
    }
}
