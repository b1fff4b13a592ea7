package io.oms.workflows.order;

import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.activities.ModifyOrderCommand;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.oms.workflows.risk.RiskDenial;
import io.oms.workflows.risk.RiskDenials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order's modify requests: the update handler hands one over (a ticket), the workflow's main loop sends it
 * to IB without blocking (fills keep being applied while IB considers it) and records IB's answer, which the
 * handler then returns. One modify at a time: the validator refuses a second while one is in progress.
 */
final class Modifies {
    private ModifyRequest asked;
    private int askedTicket;
    private int lastTicket;
    private Promise<ModifyAck> inFlight;
    private OrderTerms inFlightTerms;
    private int inFlightTicket;
    private final Map<Integer, ModifyOutcome> outcomes = new HashMap<>();

    int ask(ModifyRequest request) {
        asked = request;
        askedTicket = ++lastTicket;
        return askedTicket;
    }

    /** A request waits to be sent, or IB's answer waits to be recorded. */
    boolean hasWork() {
        return asked != null || (inFlight != null && inFlight.isCompleted());
    }

    /** A modify is at IB. */
    boolean busy() {
        return inFlight != null;
    }

    ModifyOutcome outcome(int ticket) {
        return outcomes.get(ticket);
    }

    /** Called by the main loop: records IB's answer when it came, sends a waiting request when none is at IB. */
    void step(OrderWorkflowImpl workflow) {
        if (inFlight != null && inFlight.isCompleted()) {
            finish(workflow);
        }
        if (asked != null && inFlight == null) {
            start(workflow);
        }
    }

    private void start(OrderWorkflowImpl workflow) {
        ModifyRequest request = asked;
        int ticket = askedTicket;
        asked = null;
        OrderView view = workflow.order().view();
        // The version was checked by the validator; what may have changed since is a fill or IB ending the order.
        String refusal = view.state().isTerminal() || view.state().isPending() || view.brokerOrderId() == null
                ? "order is " + view.state()
                : request.quantity() != null && request.quantity().compareTo(view.filledQuantity()) <= 0
                        ? "qty must be greater than the filled quantity " + view.filledQuantity().toPlainString()
                        : null;
        if (refusal != null) {
            outcomes.put(ticket, new ModifyOutcome(ModifyOutcome.Status.REFUSED, view, refusal));
            return;
        }
        OrderTerms next = request.terms().over(OrderTerms.of(view));
        List<RiskDenial> denials = workflow.modifyDenials(next);
        if (!denials.isEmpty()) {
            // Nothing reached IB: the order works on, unchanged, and the caller learns every reason.
            outcomes.put(ticket, new ModifyOutcome(ModifyOutcome.Status.REFUSED, view, RiskDenials.summary(denials),
                    denials));
            return;
        }
        workflow.apply(workflow.order().modifyRequested(workflow.now()), request.actor());
        inFlightTerms = request.terms();
        inFlightTicket = ticket;
        inFlight = Async.function(workflow.broker()::modifyOrder,
                new ModifyOrderCommand(view.brokerOrderId(), workflow.placeCommand(next)));
    }

    private void finish(OrderWorkflowImpl workflow) {
        ModifyAck ack;
        try {
            ack = inFlight.get();
        } catch (ActivityFailure failure) {
            // Not confirmed within the activity's retries: IB still has the order as it last confirmed it.
            ack = ModifyAck.refused(null, "modify not confirmed by IB: " + failure.getCause().getMessage());
        }
        inFlight = null;
        String reason = ack.accepted() ? null : (ack.code() == null ? "" : ack.code() + ": ") + ack.reason();
        Transition transition = ack.accepted()
                ? workflow.order().modifyConfirmed(inFlightTerms, workflow.now())
                : workflow.order().modifyRefused(reason, workflow.now());
        workflow.apply(transition, "broker");
        OrderView view = workflow.order().view();
        ModifyOutcome outcome = ack.accepted() && transition.kind() == Transition.Kind.APPLIED
                ? new ModifyOutcome(ModifyOutcome.Status.CONFIRMED, view, null)
                : new ModifyOutcome(ModifyOutcome.Status.REFUSED, view, reason != null ? reason : "order is " + view.state());
        outcomes.put(inFlightTicket, outcome);
    }
}
