package io.oms.workflows.order;

import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderTransitions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The order's state and the rules that move it, free of Temporal so it can be tested on its own.
 * Executions are the fill ledger (deduplicated by exec id); IB's orderStatus only moves the state
 * where executions cannot (acknowledged, cancelled, rejected).
 */
final class OrderLifecycle {
    private static final int PRICE_SCALE = 8;

    private OrderView view;
    private final Set<String> execIds = new HashSet<>();
    private boolean rejectSeen;

    OrderLifecycle(OrderRequest request) {
        this.view = new OrderView(
                request.orderId(), request.tenantId(), request.clientOrderId(), request.account(),
                request.symbol(), request.side(), request.type(), request.quantity(), request.limitPrice(),
                request.stopPrice(), request.trailAmount(), request.trailPercent(), request.timeInForce(),
                request.expireAt(), request.outsideRth(), OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 0L,
                request.submittedAt(), request.submittedAt());
    }

    OrderView view() {
        return view;
    }

    OrderState state() {
        return view.state();
    }

    /** The first record of the order: version 1, still NEW. */
    OrderView created() {
        view = withVersion(view, 1, view.submittedAt());
        return view;
    }

    /** Remembers IB's ids for the order; they never change its state. */
    /**
     * Zero means "not known to the sender" (a completed order re-synced by a worker that never saw the order
     * live carries only its permId) and never replaces a known id. No history before completed orders were
     * routed holds a zero id, so this needs no workflow version.
     */
    void brokerIds(int brokerOrderId, long permId) {
        Integer orderId = brokerOrderId == 0 ? view.brokerOrderId() : Integer.valueOf(brokerOrderId);
        view = copy(view.state(), view.filledQuantity(), view.avgFillPrice(), orderId,
                permId == 0 ? view.permId() : Long.valueOf(permId), view.rejectReason(), view.version(), view.updatedAt());
    }

    /** True if the exec id is new; a repeated execution is ignored. */
    boolean isNewExecution(String execId) {
        return execIds.add(execId);
    }

    /** Adds a fill's quantity and price, and moves to PARTIALLY_FILLED or FILLED if that move is legal. */
    Transition fill(BigDecimal quantity, BigDecimal price, Instant at) {
        BigDecimal filled = view.filledQuantity().add(quantity);
        BigDecimal notional = view.avgFillPrice() == null
                ? BigDecimal.ZERO
                : view.avgFillPrice().multiply(view.filledQuantity());
        BigDecimal avg = notional.add(price.multiply(quantity)).divide(filled, PRICE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        OrderState target = filled.compareTo(view.quantity()) >= 0 ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        if (target == view.state()) {
            view = copy(view.state(), filled, avg, view.brokerOrderId(), view.permId(), view.rejectReason(),
                    view.version() + 1, at);
            return Transition.applied(view, "order.partially_filled");
        }
        return move(target, filled, avg, null, at, target == OrderState.FILLED ? "order.filled" : "order.partially_filled");
    }

    /** Maps an IB orderStatus word to a state move; statuses that carry no new state return {@link Transition#none()}. */
    Transition brokerStatus(String status, String whyHeld, Instant at) {
        return switch (status) {
            case "PendingSubmit", "ApiPending", "PreSubmitted", "Submitted" -> routed(at);
            case "Cancelled", "ApiCancelled" -> rejectSeen
                    ? move(OrderState.REJECTED, at, view.rejectReason(), "order.rejected")
                    : move(OrderState.CANCELED, at, null, "order.canceled");
            // An order held for a short-sale locate is still live at IB.
            case "Inactive" -> "locate".equalsIgnoreCase(whyHeld)
                    ? Transition.none()
                    : move(OrderState.REJECTED, at, reasonOr("Inactive at broker"), "order.rejected");
            // Filled is derived from executions, never from the status (which can run ahead of execDetails).
            default -> Transition.none();
        };
    }

    /** IB errors addressed to the order: 201 rejects it, 202 confirms a cancel; others are informational. */
    Transition brokerError(int code, String message, Instant at) {
        if (code == 201 || code == 103 || code == 200 || code == 460) {
            rejectSeen = true;
            return move(OrderState.REJECTED, at, code + ": " + message, "order.rejected");
        }
        if (code == 202) {
            return move(OrderState.CANCELED, at, null, "order.canceled");
        }
        return Transition.none();
    }

    Transition routed(Instant at) {
        return view.state() == OrderState.NEW ? move(OrderState.ROUTED, at, null, "order.routed") : Transition.none();
    }

    Transition rejected(String reason, Instant at) {
        rejectSeen = true;
        return move(OrderState.REJECTED, at, reason, "order.rejected");
    }

    private Transition move(OrderState target, Instant at, String reason, String action) {
        return move(target, view.filledQuantity(), view.avgFillPrice(), reason, at, action);
    }

    private Transition move(OrderState target, BigDecimal filled, BigDecimal avg, String reason, Instant at, String action) {
        if (!OrderTransitions.isLegal(view.state(), target)) {
            // Still keep the fill quantities: a fill is a fact even when the state cannot move.
            view = copy(view.state(), filled, avg, view.brokerOrderId(), view.permId(), view.rejectReason(),
                    filled.equals(view.filledQuantity()) ? view.version() : view.version() + 1, at);
            return Transition.refused(view.state(), target, view);
        }
        view = copy(target, filled, avg, view.brokerOrderId(), view.permId(),
                reason != null ? reason : view.rejectReason(), view.version() + 1, at);
        return Transition.applied(view, action);
    }

    private String reasonOr(String fallback) {
        return view.rejectReason() != null ? view.rejectReason() : fallback;
    }

    private OrderView copy(OrderState state, BigDecimal filled, BigDecimal avg, Integer brokerOrderId, Long permId,
                           String reason, long version, Instant at) {
        return new OrderView(view.orderId(), view.tenantId(), view.clientOrderId(), view.account(), view.symbol(),
                view.side(), view.type(), view.quantity(), view.limitPrice(), view.stopPrice(), view.trailAmount(),
                view.trailPercent(), view.timeInForce(), view.expireAt(), view.outsideRth(), state, filled, avg,
                brokerOrderId, permId, reason, version, view.submittedAt(), at);
    }

    private static OrderView withVersion(OrderView v, long version, Instant at) {
        return new OrderView(v.orderId(), v.tenantId(), v.clientOrderId(), v.account(), v.symbol(), v.side(),
                v.type(), v.quantity(), v.limitPrice(), v.stopPrice(), v.trailAmount(), v.trailPercent(),
                v.timeInForce(), v.expireAt(), v.outsideRth(), v.state(), v.filledQuantity(),
                v.avgFillPrice(), v.brokerOrderId(), v.permId(), v.rejectReason(), version, v.submittedAt(), at);
    }
}
