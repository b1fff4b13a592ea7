package io.oms.workflows.order;

import static io.oms.workflows.order.WorkflowTestSupport.eventually;
import static io.oms.workflows.order.WorkflowTestSupport.fill;
import static io.oms.workflows.order.WorkflowTestSupport.fills;
import static io.oms.workflows.order.WorkflowTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckResult;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The risk checks of the order workflow: before routing, before a modify, after a partial fill. */
class OrderRiskCheckWorkflowTest {
    private static final RiskDenial NOTIONAL = new RiskDenial(DenialReason.MAX_NOTIONAL, new BigDecimal("1000"),
            new BigDecimal("5000"), "limit-1", "notional 5000 is above the limit 1000 (ACCOUNT DU1)");
    private static final RiskDenial POSITION = new RiskDenial(DenialReason.POSITION_LIMIT, new BigDecimal("5"),
            new BigDecimal("10"), "limit-2", "resulting position 10 is above the limit 5 (INSTRUMENT AAPL)");

    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();
    private final FakeActivities.Risk risk = new FakeActivities.Risk();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(OrderWorkflowImpl.class, ledger, broker, risk);

    @Test
    void deniedOrderNeverReachesTheBrokerAndKeepsEveryReason() {
        risk.answer = r -> new RiskCheckResult(List.of(NOTIONAL, POSITION));
        OrderView view = OrderSubmission.submit(temporal.client(), request("10"));
        assertThat(view.state()).isEqualTo(OrderState.DENIED);
        assertThat(view.denials()).containsExactly(NOTIONAL, POSITION);
        assertThat(view.rejectReason()).startsWith("MAX_NOTIONAL: notional 5000").contains("; POSITION_LIMIT: ");
        assertThat(broker.placed).isEmpty();
        assertThat(ledger.actions()).containsExactly("order.created", "order.denied");
        assertThat(ledger.states.getLast().actor()).isEqualTo(DomainEvents.RISK_ACTOR);
    }

    @Test
    void theCheckSeesTheOrderAsPlacedWithItsStrategyAndUser() {
        OrderRequest request = request("10");
        OrderSubmission.submit(temporal.client(), request);
        var intent = risk.checks.getFirst().intent();
        assertThat(risk.kinds()).containsExactly(RiskCheckKind.NEW_ORDER);
        assertThat(intent.clientOrderId()).isEqualTo(request.clientOrderId().value());
        assertThat(intent.quantity()).isEqualByComparingTo("10");
        assertThat(intent.limitPrice()).isEqualByComparingTo("50");
        assertThat(intent.strategy()).isEqualTo("mean-rev");
        assertThat(intent.user()).isEqualTo("tester");
    }

    @Test
    void aCheckThatCannotRunDeniesTheOrder() {
        risk.failure = new IllegalStateException("database down");
        OrderView view = OrderSubmission.submit(temporal.client(), request("10"));
        assertThat(view.state()).isEqualTo(OrderState.DENIED);
        assertThat(view.denials()).extracting(RiskDenial::reason).containsExactly(DenialReason.RISK_CHECK_UNAVAILABLE);
        assertThat(broker.placed).isEmpty();
    }

    @Test
    void aPartialFillThatBreachesALimitCancelsTheRest() {
        OrderWorkflow order = routed("10");
        risk.answer = r -> r.kind() == RiskCheckKind.IN_FLIGHT ? new RiskCheckResult(List.of(POSITION)) : new RiskCheckResult(List.of());
        order.onBrokerEvents(fills(fill("if1.01", "4", "50")));
        assertThat(eventually(() -> !broker.cancels.isEmpty())).isTrue();
        assertThat(risk.checks.getLast().intent().quantity()).isEqualByComparingTo("6"); // the rest, not the order
        OrderView pending = order.state();
        assertThat(pending.state()).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(pending.denials()).containsExactly(POSITION);
        assertThat(ledger.states.getLast().actor()).isEqualTo(DomainEvents.RISK_ACTOR);
        order.onBrokerEvents(status("Cancelled"));
        assertThat(eventually(() -> order.state().state() == OrderState.CANCELED)).isTrue();
        assertThat(order.state().filledQuantity()).isEqualByComparingTo("4");
    }

    @Test
    void partialFillsWithinTheLimitsLeaveTheOrderWorking() {
        OrderWorkflow order = routed("10");
        order.onBrokerEvents(fills(fill("ok1.01", "4", "50")));
        assertThat(eventually(() -> risk.kinds().contains(RiskCheckKind.IN_FLIGHT))).isTrue();
        assertThat(order.state().state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void anInFlightCheckThatCannotRunLeavesTheOrderWorking() {
        OrderWorkflow order = routed("10");
        risk.failure = new IllegalStateException("database down");
        order.onBrokerEvents(fills(fill("nf1.01", "4", "50")));
        assertThat(eventually(() -> order.state().filledQuantity().compareTo(new BigDecimal("4")) == 0)).isTrue();
        order.onBrokerEvents(fills(fill("nf2.01", "6", "50")));
        assertThat(eventually(() -> order.state().state() == OrderState.FILLED)).isTrue();
        assertThat(broker.cancels).isEmpty();
    }

    @Test
    void aModifyTheCheckDeniesIsRefusedWithoutReachingTheBroker() {
        OrderWorkflow order = routed("10");
        risk.answer = r -> r.kind() == RiskCheckKind.MODIFY ? new RiskCheckResult(List.of(NOTIONAL)) : new RiskCheckResult(List.of());
        ModifyOutcome outcome = order.modify(new ModifyRequest(order.state().version(), new BigDecimal("100"), null, null,
                null, "tester"));
        assertThat(outcome.status()).isEqualTo(ModifyOutcome.Status.REFUSED);
        assertThat(outcome.denials()).containsExactly(NOTIONAL);
        assertThat(risk.checks.getLast().intent().quantity()).isEqualByComparingTo("100");
        assertThat(broker.modifies).isEmpty();
        assertThat(order.state().state()).isEqualTo(OrderState.ROUTED);
        assertThat(order.state().quantity()).isEqualByComparingTo("10");
    }

    private OrderWorkflow routed(String qty) {
        OrderRequest request = request(qty);
        assertThat(OrderSubmission.submit(temporal.client(), request).state()).isEqualTo(OrderState.ROUTED);
        return OrderSubmission.existing(temporal.client(), request.workflowId());
    }

    private OrderRequest request(String qty) {
        OrderRequest r = WorkflowTestSupport.request(OrderType.LMT, qty, "50", TimeInForce.GTC, null, temporal.now());
        return new OrderRequest(r.orderId(), r.tenantId(), r.clientOrderId(), r.account(), r.brokerConnection(),
                r.symbol(), r.side(), r.type(), r.quantity(), r.limitPrice(), r.stopPrice(), r.trailAmount(),
                r.trailPercent(), r.timeInForce(), r.expireAt(), r.outsideRth(), r.actor(), r.submittedAt(), "mean-rev");
    }
}
