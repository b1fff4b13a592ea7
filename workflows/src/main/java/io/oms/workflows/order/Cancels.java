package io.oms.workflows.order;

import io.oms.workflows.activities.CancelOrderCommand;
import io.oms.workflows.domain.OrderState;
import io.temporal.failure.ActivityFailure;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * The order's cancel: a user's request handed over by the update handler, or the expiry's when the time in
 * force runs out. The main loop takes it (recording PENDING_CANCEL) once no modify is at IB, sends it once IB's
 * order id is known, and forgets it when IB has answered (terminal, or refused and working again).
 */
final class Cancels {
    static final String EXPIRY_ACTOR = "system:expiry";

    private final Logger log;
    /** The cancel at IB, or going there. */
    private CancelRequest request;
    /** A user's cancel the main loop has not taken yet. */
    private CancelRequest asked;
    private boolean sent;
    private boolean expiryHandled;

    Cancels(Logger log) {
        this.log = log;
    }

    void carriedOver(CancelRequest request, boolean sent, boolean expiryHandled) {
        this.request = request;
        this.sent = sent;
        this.expiryHandled = expiryHandled;
    }

    /** The update handler's part (current rules): hand the request over unless a cancel is already under way. */
    void ask(CancelRequest cancel) {
        if (request == null && asked == null) {
            asked = cancel;
        }
    }

    /** The first release's handler: the request itself, true when it is the first. */
    boolean askFirstRelease(CancelRequest cancel) {
        if (request != null) {
            return false;
        }
        request = cancel;
        return true;
    }

    /** No cancel of this order waits or is at IB (none asked, or IB refused it). */
    boolean settled(OrderState state) {
        return asked == null && request == null && state != OrderState.PENDING_CANCEL;
    }

    boolean inProgress() {
        return asked != null || request != null;
    }

    boolean asked() {
        return asked != null;
    }

    boolean expiryHandled() {
        return expiryHandled;
    }

    /** Something to do now: a request to take, or one to send (IB's order id known, no modify at IB). */
    boolean hasWork(boolean modifyBusy, boolean brokerIdKnown) {
        return !modifyBusy && (asked != null || (request != null && !sent && brokerIdKnown));
    }

    /** The first release's condition: a request not sent yet. */
    boolean unsent() {
        return request != null && !sent;
    }

    /** The main loop's part: expire if due, take a user's request, send what is to be sent. */
    void step(OrderWorkflowImpl workflow, boolean modifyBusy) {
        OrderLifecycle order = workflow.order();
        if (modifyBusy || order.state().isTerminal()) {
            return;
        }
        Instant expiry = order.expiresAt();
        Instant now = workflow.now();
        if (!expiryHandled && expiry != null && !now.isBefore(expiry)) {
            expiryHandled = true;
            workflow.apply(order.cancelRequested(true, now), EXPIRY_ACTOR);
            if (request == null) {
                request = new CancelRequest(EXPIRY_ACTOR, "time in force ended");
                sent = false;
            }
        }
        if (asked != null) {
            CancelRequest taken = asked;
            asked = null;
            if (request == null) {
                request = taken;
                sent = false;
                workflow.apply(order.cancelRequested(false, now), taken.actor());
            }
        }
        if (request != null && !sent && order.view().brokerOrderId() != null) {
            send(workflow, true);
        }
    }

    /** Sends the cancel to IB; a cancel that cannot be sent is a refusal (current rules) or simply dropped. */
    void send(OrderWorkflowImpl workflow, boolean current) {
        sent = true;
        Integer brokerOrderId = workflow.order().view().brokerOrderId();
        if (brokerOrderId == null) {
            return;
        }
        try {
            workflow.broker().cancelOrder(new CancelOrderCommand(workflow.workflowId(), brokerOrderId));
        } catch (ActivityFailure failure) {
            log.warn("cancel of {} not sent: {}", workflow.workflowId(), failure.getMessage());
            sent = false;
            request = null;
            if (current) {
                workflow.apply(workflow.order().cancelRefused("cancel not sent: " + failure.getMessage(), workflow.now()), "broker");
            }
        }
    }

    /** After each IB event (current rules): a sent cancel is answered once the order left PENDING_CANCEL. */
    void brokerEventApplied(OrderState state) {
        if (sent && state != OrderState.PENDING_CANCEL) {
            request = null;
            sent = false;
        }
    }

    CancelRequest request() {
        return request;
    }

    boolean sent() {
        return sent;
    }
}
