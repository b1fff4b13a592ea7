package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.eventually;
import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.api.history.v1.HistoryEvent;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A long-lived order continues as new before its history grows too long, and keeps working across runs. */
class OrderContinueAsNewTest {
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(SmallHistoryOrderWorkflow.class, ledger, broker);

    @Test
    void gtcOrderContinuesAsNewAndKeepsItsFillsCommissionsAndHandlers() {
        OrderRequest request = WorkflowTestSupport.request(OrderType.LMT, "100", "50", TimeInForce.GTC, null, temporal.now());
        OrderWorkflow order = temporal.submitted(request);
        // A commission that arrives before its execution is carried across runs until the execution comes.
        order.onBrokerEvents(BrokerEvents.of(BrokerEvent.of(new BrokerCommission("late.01", BigDecimal.ONE, "USD"))));
        for (int i = 1; i <= 30; i++) {
            order.onBrokerEvents(fills(fill("can" + i + ".01", "1", "50")));
        }
        assertThat(eventually(() -> order.state().filledQuantity().compareTo(new BigDecimal("30")) == 0)).isTrue();
        assertThat(eventually(() -> runsOf(request) > 1)).as("continued as new").isTrue();

        // Duplicates of executions counted by an earlier run are still recognised.
        order.onBrokerEvents(fills(fill("can1.01", "1", "50")));
        // Queries, modify and cancel reach the current run.
        assertThat(order.state().state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        ModifyOutcome modified = order.modify(new ModifyRequest(order.state().version(), null, new BigDecimal("49"), null, null, "tester"));
        assertThat(modified.status()).isEqualTo(ModifyOutcome.Status.CONFIRMED);
        order.onBrokerEvents(fills(fill("late.01", "1", "49")));
        CompletableFuture<OrderView> cancel = CompletableFuture.supplyAsync(() -> order.cancel(new CancelRequest("tester", null)));
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        order.onBrokerEvents(status("Cancelled"));
        OrderView done = cancel.join();

        assertThat(done.state()).isEqualTo(OrderState.CANCELED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("31");
        assertThat(done.limitPrice()).isEqualByComparingTo("49");
        assertThat(temporal.result(request).state())
                .isEqualTo(OrderState.CANCELED);
        // Local activities may run again when a workflow task is retried (the real ledger is idempotent), e.g.
        // when a signal arrives as a run continues as new: count what was recorded, not how often.
        assertThat(ledger.executions.stream().map(e -> e.execId()).distinct()).hasSize(31);
        assertThat(ledger.commissions.stream().map(c -> c.execId()).distinct()).containsExactly("late.01");
        // Every version from 1 to the last reached the ledger, across runs.
        assertThat(ledger.states.stream().map(s -> s.order().version()).distinct().sorted())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, done.version()).boxed().toList());
    }

    /** How many runs the order's workflow has had, counted back from the current run's start event. */
    private int runsOf(OrderRequest request) {
        int runs = 1;
        String runId = null;
        for (int i = 0; i < 100; i++) {
            HistoryEvent first = (runId == null ? temporal.client().fetchHistory(request.workflowId())
                    : temporal.client().fetchHistory(request.workflowId(), runId)).getEvents().getFirst();
            String previous = first.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            if (previous.isEmpty()) {
                return runs;
            }
            runs++;
            runId = previous;
        }
        return runs;
    }
}
