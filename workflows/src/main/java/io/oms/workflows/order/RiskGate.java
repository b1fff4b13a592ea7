package io.oms.workflows.order;

import io.oms.workflows.activities.RiskActivities;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;

/**
 * The order's risk checks: before it is routed, before a modify's new terms are sent, and after each partial
 * fill for the rest. Histories from before {@link #CHANGE} had no checks and replay without them.
 */
final class RiskGate {
    static final String CHANGE = "order-risk-check-1";

    private final RiskActivities risk;
    private final RiskActivities inFlight;
    private final OrderRequest request;
    private final Logger log;

    RiskGate(OrderRequest request, Logger log) {
        this.risk = Workflow.newLocalActivityStub(RiskActivities.class, OrderActivityOptions.risk());
        this.inFlight = Workflow.newLocalActivityStub(RiskActivities.class, OrderActivityOptions.inFlightRisk());
        this.request = request;
        this.log = log;
    }

    /**
     * The denials of the order at {@code quantity} on {@code terms}. A check that cannot run denies a new order or
     * modify (fail closed: an unchecked order must not reach the market) but leaves a working order alone.
     */
    List<RiskDenial> check(RiskCheckKind kind, OrderTerms terms, BigDecimal quantity) {
        if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
            return List.of();
        }
        OrderIntent intent = new OrderIntent(request.tenantId().value(), request.clientOrderId().value(),
                request.account(), request.symbol(), request.side(), request.type(), terms.timeInForce(), quantity,
                terms.limitPrice(), terms.stopPrice(), request.outsideRth(), request.strategy(), request.actor());
        try {
            return (kind == RiskCheckKind.IN_FLIGHT ? inFlight : risk).check(new RiskCheckRequest(intent, kind)).denials();
        } catch (ActivityFailure failure) {
            log.warn("risk check {} of {} did not run: {}", kind, request.workflowId(), failure.getMessage());
            return kind == RiskCheckKind.IN_FLIGHT ? List.of() : List.of(RiskDenial.of(
                    DenialReason.RISK_CHECK_UNAVAILABLE, "the risk check could not run; the order was not sent"));
        }
    }
}
