package io.oms.ib.sim;

import io.oms.ib.msg.CompletedOrder;
import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Mutable order state; only ever touched on the simulator's engine thread. */
final class SimOrder {
    static final String PRE_SUBMITTED = "PreSubmitted", SUBMITTED = "Submitted", PENDING_CANCEL = "PendingCancel",
            CANCELLED = "Cancelled", FILLED = "Filled", INACTIVE = "Inactive";

    final long permId;
    final boolean manual;
    int clientId;
    /** 0 for a manual order until client 0 binds it. */
    int orderId;
    final String account, symbol, secType, exchange, currency, action, orderType, orderRef;
    BigDecimal quantity, limitPrice, auxPrice, trailingPercent;
    /** TRAIL: the current stop, which only ever moves in the order's favour. */
    BigDecimal trailStopPrice;
    String tif, goodTillDate;
    /** Echoed only: the simulated market trades around the clock, so the flag changes nothing here. */
    boolean outsideRth;
    Instant expiresAt;
    String status;
    /** Sent to IB (transmit=1); false for a held (transmit=0) order that stays Inactive. */
    boolean transmitted;
    /** Stop-type orders: elected (the stop was crossed), now trading as MKT or LMT. */
    boolean triggered;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    BigDecimal lastFillPrice = BigDecimal.ZERO;
    boolean fillScheduled;
    Instant completedAt;
    String completedStatus;

    SimOrder(long permId, boolean manual, int clientId, int orderId, String account, String symbol, String secType,
             String exchange, String currency, String action, String orderType, String orderRef) {
        this.permId = permId;
        this.manual = manual;
        this.clientId = clientId;
        this.orderId = orderId;
        this.account = account;
        this.symbol = symbol;
        this.secType = secType;
        this.exchange = exchange;
        this.currency = currency;
        this.action = action;
        this.orderType = orderType;
        this.orderRef = orderRef;
    }

    boolean isBuy() { return "BUY".equals(action); }

    /** IB's OrderStatus.isActive(): can still fill or be cancelled/modified. */
    boolean isWorking() {
        return PRE_SUBMITTED.equals(status) || SUBMITTED.equals(status) || PENDING_CANCEL.equals(status)
                || "PendingSubmit".equals(status);
    }

    boolean isHeldUntransmitted() { return INACTIVE.equals(status) && !transmitted && completedAt == null; }

    /** Orders IB holds and elects itself (PreSubmitted until the stop is crossed). */
    boolean isStopType() { return "STP".equals(orderType) || "STP LMT".equals(orderType) || "TRAIL".equals(orderType); }

    /** Orders that only trade in an auction: MOC/LOC at the close, OPG at the open. */
    boolean isAuctionOnly() { return "MOC".equals(orderType) || "LOC".equals(orderType) || "OPG".equals(tif); }

    /** The stop that elects this order, or null for non-stop types. */
    BigDecimal stopPrice() {
        if ("TRAIL".equals(orderType)) return trailStopPrice;
        return isStopType() ? auxPrice : null;
    }

    /** The limit the order trades under once eligible; null = market. */
    BigDecimal effectiveLimit() {
        return switch (orderType) {
            case "LMT", "STP LMT", "LOC" -> limitPrice;
            default -> null;
        };
    }

    BigDecimal remaining() { return quantity.subtract(filled).max(BigDecimal.ZERO); }

    BigDecimal avgPrice() {
        if (filled.signum() == 0) return BigDecimal.ZERO;
        return notional.divide(filled, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    void complete(String newStatus, Instant at, String why) {
        status = newStatus;
        completedAt = at;
        completedStatus = why;
        fillScheduled = false;
    }

    OpenOrder toOpenOrder() {
        return new OpenOrder(orderId, Requests.conId(symbol), symbol, secType, exchange, currency, symbol, "NMS", action,
                quantity, orderType, limitPrice, auxPrice, tif, account, "O", orderRef, clientId, permId, outsideRth, status,
                goodTillDate, trailStopPrice, trailingPercent);
    }

    OrderStatus toStatus() {
        return new OrderStatus(orderId, status, filled, remaining(), avgPrice(), permId, 0, lastFillPrice, clientId, null,
                BigDecimal.ZERO);
    }

    CompletedOrder toCompleted(String completedTime) {
        return new CompletedOrder(Requests.conId(symbol), symbol, secType, exchange, currency, symbol, "NMS", action,
                quantity, orderType, limitPrice, auxPrice, tif, account, "O", orderRef, permId, null, outsideRth,
                goodTillDate, trailStopPrice, trailingPercent, status, filled, completedTime, completedStatus);
    }

    SimOrderView view() {
        return new SimOrderView(permId, clientId, orderId, orderRef, account, symbol, action, orderType, tif, quantity,
                filled, limitPrice, auxPrice, trailStopPrice, status, manual, trailingPercent, goodTillDate, outsideRth);
    }
}
