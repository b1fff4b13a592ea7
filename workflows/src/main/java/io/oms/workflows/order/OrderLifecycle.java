package io.oms.workflows.order;

import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderTransitions;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.domain.UsEquityCalendar;
import io.oms.workflows.risk.RiskDenial;
import io.oms.workflows.risk.RiskDenials;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The order's state and the rules that move it, free of Temporal so it can be tested on its own. Every move
 * goes through {@link OrderTransitions}: an illegal one is refused (the workflow logs it) and never applied.
 * Executions are the fill ledger ({@link FillBook}); IB's orderStatus only moves the state where executions
 * cannot (acknowledged, pending cancel, cancelled, rejected).
 *
 * <p>{@code pendingStates} is false for orders whose history began before PENDING_CANCEL, PENDING_MODIFY, EXPIRED,
 * DENIED and execution corrections existed: they keep the first release's rules so their histories replay.
 */
final class OrderLifecycle {
    private static final int PRICE_SCALE = 8;
    /**
     * IB's own expiry is timed by IB's clock, at whole seconds for GTD: an unsolicited cancel this close before
     * the expiry time is the expiry.
     */
    static final java.time.Duration EXPIRY_CLOCK_TOLERANCE = java.time.Duration.ofSeconds(2);

    private boolean pendingStates;
    private final FillBook fills;
    private OrderView view;
    private boolean rejectSeen;
    /** When the order's time in force ends it (DAY: the session close; GTD: its expiry), or null. */
    private Instant expiresAt;
    /** The cancel at IB is the expiry's, so IB's confirmation ends the order EXPIRED. */
    private boolean expiring;

    /** A new order on the first release's rules until {@link #applyCurrentRules} (the workflow's version says which). */
    OrderLifecycle(OrderRequest request) {
        this.fills = new FillBook();
        this.view = new OrderView(
                request.orderId(), request.tenantId(), request.clientOrderId(), request.account(),
                request.symbol(), request.side(), request.type(), request.quantity(), request.limitPrice(),
                request.stopPrice(), request.trailAmount(), request.trailPercent(), request.timeInForce(),
                request.expireAt(), request.outsideRth(), OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 0L,
                request.submittedAt(), request.submittedAt(), request.strategy(), request.actor(), List.of());
    }

    /** The current rules: pending states, expiry, DENIED and corrections. */
    void applyCurrentRules() {
        pendingStates = true;
        expiresAt = expiryOf(view.timeInForce(), view.expireAt(), view.submittedAt());
    }

    /** The lifecycle a previous run of the workflow handed over. */
    OrderLifecycle(OrderContinuation.Lifecycle carried) {
        this.pendingStates = true;
        this.fills = new FillBook(carried.execIds(), carried.fills());
        this.view = carried.view();
        this.rejectSeen = carried.rejectSeen();
        this.expiresAt = carried.expiresAt();
        this.expiring = carried.expiring();
    }

    OrderContinuation.Lifecycle carry() {
        return new OrderContinuation.Lifecycle(view, fills.seenIds(), fills.entries(), rejectSeen, expiresAt, expiring);
    }

    OrderView view() {
        return view;
    }

    OrderState state() {
        return view.state();
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** DAY orders end at the next session close after {@code from}, GTD at their expiry; others never expire. */
    static Instant expiryOf(TimeInForce tif, Instant expireAt, Instant from) {
        return switch (tif) {
            case DAY -> UsEquityCalendar.nextSessionClose(from);
            case GTD -> expireAt;
            default -> null;
        };
    }

    /** The first record of the order: version 1, still NEW. */
    OrderView created() {
        view = copy(view.state(), OrderTerms.of(view), view.filledQuantity(), view.avgFillPrice(), view.brokerOrderId(),
                view.permId(), view.rejectReason(), 1, view.submittedAt());
        return view;
    }

    /**
     * Remembers IB's ids for the order; they never change its state. Zero means "not known to the sender" (a
     * completed order re-synced by a worker that never saw the order live carries only its permId) and never
     * replaces a known id.
     */
    void brokerIds(int brokerOrderId, long permId) {
        Integer orderId = brokerOrderId == 0 ? view.brokerOrderId() : Integer.valueOf(brokerOrderId);
        view = copy(view.state(), OrderTerms.of(view), view.filledQuantity(), view.avgFillPrice(), orderId,
                permId == 0 ? view.permId() : Long.valueOf(permId), view.rejectReason(), view.version(), view.updatedAt());
    }

    /** Refused by the OMS's own checks before anything reached IB. */
    Transition denied(String reason, Instant at) {
        return move(OrderState.DENIED, at, reason, "order.denied");
    }

    /** The risk engine's reasons for cancelling the rest of a working order (kept with the cancel it causes). */
    void riskBreached(List<RiskDenial> denials) {
        view = withDenials(denials);
    }

    /** Refused by the risk engine: the reasons, with their numbers, stay on the order. */
    Transition deniedByRisk(List<RiskDenial> denials, Instant at) {
        view = withDenials(denials);
        return move(OrderState.DENIED, at, RiskDenials.summary(denials), "order.denied");
    }

    // ---- executions ----------------------------------------------------------------------------------------

    /** The first release's rule: true if the exec id is new; a repeated execution is ignored. */
    boolean isNewExecution(String execId) {
        return fills.firstSight(execId);
    }

    /** The first release's fill: adds quantity and price to the running totals. */
    Transition fill(BigDecimal quantity, BigDecimal price, Instant at) {
        BigDecimal filled = view.filledQuantity().add(quantity);
        BigDecimal notional = view.avgFillPrice() == null
                ? BigDecimal.ZERO
                : view.avgFillPrice().multiply(view.filledQuantity());
        BigDecimal avg = notional.add(price.multiply(quantity)).divide(filled, PRICE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return filledTo(filled, avg, at, false);
    }

    /** Classifies an execution (new, correction, duplicate, stale) and counts it when it counts. */
    FillBook.Offer offer(String execId, BigDecimal quantity, BigDecimal price) {
        return fills.offer(execId, quantity, price);
    }

    /** The state the counted executions lead to, after {@link #offer} took a new execution or a correction. */
    Transition filled(boolean correction, Instant at) {
        return filledTo(fills.filledQuantity(), fills.averagePrice(), at, correction);
    }

    private Transition filledTo(BigDecimal filled, BigDecimal avg, Instant at, boolean correction) {
        boolean complete = filled.compareTo(view.quantity()) >= 0;
        OrderState target;
        if (complete) {
            target = OrderState.FILLED;
        } else if (pendingStates && view.state().isPending()) {
            target = view.state(); // still waiting for IB's answer to the cancel or modify: more filled, same state
        } else {
            target = OrderState.PARTIALLY_FILLED;
        }
        if (target == view.state()) {
            view = copy(view.state(), OrderTerms.of(view), filled, avg, view.brokerOrderId(), view.permId(),
                    view.rejectReason(), view.version() + 1, at);
            return Transition.applied(view, correction ? "order.fill_corrected" : "order.partially_filled");
        }
        return move(target, OrderTerms.of(view), filled, avg, null, at,
                complete ? "order.filled" : "order.partially_filled", null);
    }

    // ---- IB's statuses and errors --------------------------------------------------------------------------

    /** Maps an IB orderStatus word to a state move; statuses that carry no new state return {@link Transition#none()}. */
    Transition brokerStatus(String status, String whyHeld, Instant at) {
        return switch (status) {
            case "PendingSubmit", "ApiPending", "PreSubmitted", "Submitted" -> routed(at);
            case "PendingCancel" -> pendingStates && (view.state() == OrderState.NEW || view.state().isWorking())
                    && view.state() != OrderState.PENDING_MODIFY
                    ? move(OrderState.PENDING_CANCEL, at, null, "order.pending_cancel")
                    : Transition.none();
            case "Cancelled", "ApiCancelled" -> ended(at);
            // An order held for a short-sale locate is still live at IB.
            case "Inactive" -> "locate".equalsIgnoreCase(whyHeld)
                    ? Transition.none()
                    : move(OrderState.REJECTED, at, reasonOr("Inactive at broker"), "order.rejected");
            // Filled is derived from executions, never from the status (which can run ahead of execDetails).
            default -> Transition.none();
        };
    }

    /**
     * IB errors addressed to the order: 201/103/200/460 reject it (201 during a modify refuses the modify),
     * 202 confirms a cancel, 10147/10148/161/136 refuse a cancel, 104/105 refuse a modify, 135 (order not found)
     * refuses whichever is pending; others are informational.
     */
    Transition brokerError(int code, String message, Instant at) {
        String reason = code + ": " + message;
        if (code == 201 && pendingStates && view.state() == OrderState.PENDING_MODIFY) {
            return modifyRefused(reason, at);
        }
        if (code == 201 || code == 103 || code == 200 || code == 460) {
            rejectSeen = true;
            return move(OrderState.REJECTED, at, reason, "order.rejected");
        }
        if (code == 202) {
            return pendingStates ? ended(at) : move(OrderState.CANCELED, at, null, "order.canceled");
        }
        if (!pendingStates) {
            return Transition.none();
        }
        // 135 ("can't find order") answers whichever request is pending; the others name theirs.
        if (code == 10147 || code == 10148 || code == 161 || code == 136 || code == 135) {
            return view.state() == OrderState.PENDING_MODIFY ? modifyRefused(reason, at) : cancelRefused(reason, at);
        }
        if (code == 104 || code == 105) {
            return modifyRefused(reason, at);
        }
        return Transition.none();
    }

    /** IB ended the order: REJECTED after a reject, EXPIRED when the expiry's cancel or the expiry time came, else CANCELED. */
    private Transition ended(Instant at) {
        if (rejectSeen) {
            return move(OrderState.REJECTED, at, view.rejectReason(), "order.rejected");
        }
        if (pendingStates && (expiring || (expiresAt != null && !at.isBefore(expiresAt.minus(EXPIRY_CLOCK_TOLERANCE))))) {
            return move(OrderState.EXPIRED, at, null, "order.expired");
        }
        return move(OrderState.CANCELED, at, null, "order.canceled");
    }

    Transition routed(Instant at) {
        return view.state() == OrderState.NEW ? move(OrderState.ROUTED, at, null, "order.routed") : Transition.none();
    }

    Transition rejected(String reason, Instant at) {
        rejectSeen = true;
        return move(OrderState.REJECTED, at, reason, "order.rejected");
    }

    // ---- cancel, expiry, modify ----------------------------------------------------------------------------

    /** A cancel was asked (by a user, or by the expiry when {@code expiry}): the order is PENDING_CANCEL until IB answers. */
    Transition cancelRequested(boolean expiry, Instant at) {
        if (expiry) {
            expiring = true;
        }
        if (view.state() == OrderState.PENDING_CANCEL) {
            return Transition.none();
        }
        return move(OrderState.PENDING_CANCEL, at, null, "order.pending_cancel", expiry ? "expiry" : null);
    }

    /** IB refused the cancel (it was already filled, or unknown to IB): back to the working state. */
    Transition cancelRefused(String reason, Instant at) {
        if (view.state() != OrderState.PENDING_CANCEL) {
            return Transition.none();
        }
        expiring = false;
        return move(working(), at, null, "order.cancel_refused", reason);
    }

    Transition modifyRequested(Instant at) {
        return move(OrderState.PENDING_MODIFY, at, null, "order.pending_modify");
    }

    /** IB works the order on the new terms now. */
    Transition modifyConfirmed(OrderTerms terms, Instant at) {
        if (view.state() != OrderState.PENDING_MODIFY) {
            return Transition.none();
        }
        OrderTerms next = terms.over(OrderTerms.of(view));
        if (next.timeInForce() != view.timeInForce()) {
            expiresAt = expiryOf(next.timeInForce(), view.expireAt(), at);
        }
        return move(working(), next, view.filledQuantity(), view.avgFillPrice(), null, at, "order.replaced", null);
    }

    /** IB refused the modify: the order keeps working on its old terms. */
    Transition modifyRefused(String reason, Instant at) {
        if (view.state() != OrderState.PENDING_MODIFY) {
            return Transition.none();
        }
        return move(working(), at, null, "order.modify_refused", reason);
    }

    private OrderState working() {
        return view.filledQuantity().signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ROUTED;
    }

    // ---- moves ---------------------------------------------------------------------------------------------

    private Transition move(OrderState target, Instant at, String reason, String action) {
        return move(target, at, reason, action, null);
    }

    private Transition move(OrderState target, Instant at, String reason, String action, String detail) {
        return move(target, OrderTerms.of(view), view.filledQuantity(), view.avgFillPrice(), reason, at, action, detail);
    }

    private Transition move(OrderState target, OrderTerms terms, BigDecimal filled, BigDecimal avg, String reason,
                            Instant at, String action, String detail) {
        boolean quantitiesChanged = !filled.equals(view.filledQuantity());
        if (pendingStates && target == view.state() && !quantitiesChanged) {
            return Transition.none(); // a repeat of what is known (duplicate or late status)
        }
        if (!OrderTransitions.isLegal(view.state(), target)) {
            // Still keep the fill quantities: a fill is a fact even when the state cannot move.
            view = copy(view.state(), OrderTerms.of(view), filled, avg, view.brokerOrderId(), view.permId(),
                    view.rejectReason(), quantitiesChanged ? view.version() + 1 : view.version(), at);
            return Transition.refused(view.state(), target, view);
        }
        view = copy(target, terms, filled, avg, view.brokerOrderId(), view.permId(),
                reason != null ? reason : view.rejectReason(), view.version() + 1, at);
        return Transition.applied(view, action, detail);
    }

    private String reasonOr(String fallback) {
        return view.rejectReason() != null ? view.rejectReason() : fallback;
    }

    private OrderView withDenials(List<RiskDenial> denials) {
        return new OrderView(view.orderId(), view.tenantId(), view.clientOrderId(), view.account(), view.symbol(),
                view.side(), view.type(), view.quantity(), view.limitPrice(), view.stopPrice(), view.trailAmount(),
                view.trailPercent(), view.timeInForce(), view.expireAt(), view.outsideRth(), view.state(),
                view.filledQuantity(), view.avgFillPrice(), view.brokerOrderId(), view.permId(), view.rejectReason(),
                view.version(), view.submittedAt(), view.updatedAt(), view.strategy(), view.placedBy(), denials);
    }

    private OrderView copy(OrderState state, OrderTerms terms, BigDecimal filled, BigDecimal avg, Integer brokerOrderId,
                           Long permId, String reason, long version, Instant at) {
        return new OrderView(view.orderId(), view.tenantId(), view.clientOrderId(), view.account(), view.symbol(),
                view.side(), view.type(), terms.quantity(), terms.limitPrice(), terms.stopPrice(), view.trailAmount(),
                view.trailPercent(), terms.timeInForce(), view.expireAt(), view.outsideRth(), state, filled, avg,
                brokerOrderId, permId, reason, version, view.submittedAt(), at, view.strategy(), view.placedBy(),
                view.denials());
    }
}
