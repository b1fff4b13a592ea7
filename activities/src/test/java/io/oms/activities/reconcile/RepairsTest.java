package io.oms.activities.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oms.activities.ledger.LedgerActivitiesImpl;
import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.reconcile.ExternalOrderWriter;
import io.oms.infra.reconcile.Finding;
import io.oms.infra.reconcile.FindingWriter;
import io.oms.infra.reconcile.OmsOrder;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.order.BrokerEvents;
import io.oms.workflows.order.OrderWorkflowContract;
import io.oms.workflows.reconcile.ReconciliationContract;
import io.oms.workflows.reconcile.RunScope;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionTemplate;

/** How a plan's repairs are carried out: through the order's workflow while it runs, in the ledger once it has closed. */
class RepairsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private final WorkflowClient client = mock(WorkflowClient.class);
    private final WorkflowStub stub = mock(WorkflowStub.class);
    private final LedgerActivitiesImpl ledger = mock(LedgerActivitiesImpl.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final FindingWriter findings = mock(FindingWriter.class);
    private final Repairs repairs = new Repairs(client, ledger, orders, mock(ExternalOrderWriter.class),
            mock(AuditRepository.class), mock(TransactionTemplate.class), Clock.fixed(NOW, ZoneOffset.UTC));
    private final RunTicket ticket = new RunTicket(UUID.randomUUID().toString(), "acme", "DU1", "sim", RunScope.FULL, null);
    private final RunJournal journal = new RunJournal(findings, mock(OutboxRepository.class), Clock.fixed(NOW, ZoneOffset.UTC),
            ticket, new SimpleMeterRegistry());
    private final OmsOrder order = new OmsOrder(UUID.randomUUID(), "c1", "AAPL", "BUY", "ROUTED", BigDecimal.TEN,
            BigDecimal.ZERO, 11, 77L, "OMS", NOW.minusSeconds(60));

    RepairsTest() {
        when(client.newUntypedWorkflowStub("order/acme/c1")).thenReturn(stub);
        when(findings.add(any(), any(), any(), any(), any())).thenReturn(UUID.randomUUID());
    }

    @Test
    void aMissedFillGoesToTheOrdersWorkflowAndIsNotBookedBesideIt() {
        List<String> signalled = repairs.apply("acme", plan(List.of(new Plan.MissedFill(exec("e1.01"), order)), List.of()), journal);

        assertThat(signalled).containsExactly("e1.01");
        ArgumentCaptor<BrokerEvents> sent = ArgumentCaptor.forClass(BrokerEvents.class);
        verify(stub).signal(eq(OrderWorkflowContract.SIGNAL_BROKER_EVENTS), sent.capture());
        assertThat(sent.getValue().events()).singleElement().satisfies(e -> assertThat(e.fill().execId()).isEqualTo("e1.01"));
        verify(ledger, never()).recordExecution(any());
        assertThat(found().kind()).isEqualTo("MISSED_FILL");
        assertThat(found().action()).isEqualTo("APPLIED");
    }

    @Test
    void aFillOfAnOrderWhoseWorkflowHasClosedIsBookedInTheLedger() {
        closedWorkflow();
        List<String> signalled = repairs.apply("acme", plan(List.of(new Plan.MissedFill(exec("e2.01"), order)), List.of()), journal);

        assertThat(signalled).isEmpty();
        ArgumentCaptor<ExecutionRecord> booked = ArgumentCaptor.forClass(ExecutionRecord.class);
        verify(ledger).recordExecution(booked.capture());
        assertThat(booked.getValue().execId()).isEqualTo("e2.01");
        assertThat(booked.getValue().orderId().value()).isEqualTo(order.id());
        assertThat(found().kind()).isEqualTo("FILL_ON_CLOSED_ORDER");
    }

    @Test
    void ibsFinalStatusOfAnOrderWhoseWorkflowHasClosedMovesTheLedgerAudited() {
        closedWorkflow();
        when(orders.findById("acme", order.id())).thenReturn(Optional.of(row()));
        CompletedOrderEvent filled = new CompletedOrderEvent(77L, 11, "order/acme/c1", "DU1", "AAPL", "STK", "BUY",
                BigDecimal.TEN, "LMT", BigDecimal.ONE, null, "DAY", "Filled", BigDecimal.TEN, "t", NOW, "Filled");
        repairs.apply("acme", plan(List.of(), List.of(new Plan.StateDrift(order, filled))), journal);

        ArgumentCaptor<StateChange> change = ArgumentCaptor.forClass(StateChange.class);
        verify(ledger).recordState(change.capture());
        assertThat(change.getValue().order().state()).isEqualTo(OrderState.FILLED);
        assertThat(change.getValue().order().version()).isEqualTo(4);
        assertThat(change.getValue().action()).isEqualTo("order.filled");
        assertThat(change.getValue().actor()).isEqualTo(ReconciliationContract.ACTOR);
        assertThat(found().kind()).isEqualTo("ORDER_STATE_DRIFT");
    }

    private void closedWorkflow() {
        doThrow(new WorkflowNotFoundException(WorkflowExecution.newBuilder().setWorkflowId("order/acme/c1").build(), "Order", null))
                .when(stub).signal(any(), any());
    }

    private Finding found() {
        ArgumentCaptor<Finding> f = ArgumentCaptor.forClass(Finding.class);
        verify(findings).add(any(), any(), any(), f.capture(), any());
        return f.getValue();
    }

    private static Plan plan(List<Plan.MissedFill> missed, List<Plan.StateDrift> drifts) {
        return new Plan(missed, drifts, List.of(), List.of(), List.of());
    }

    private static ExecutionEvent exec(String execId) {
        return new ExecutionEvent(execId, 11, 77L, 1, "order/acme/c1", "DU1", "AAPL", "BOT", new BigDecimal("5"),
                new BigDecimal("100"), new BigDecimal("5"), new BigDecimal("100"), "ISLAND", NOW, "raw");
    }

    private OrderRow row() {
        return new OrderRow(order.id(), "acme", "c1", "DU1", "AAPL", "BUY", "LMT", BigDecimal.TEN, BigDecimal.ONE, null,
                null, null, "DAY", null, false, "ROUTED", BigDecimal.ZERO, null, 11, 77L, null, 3, NOW, NOW);
    }
}
