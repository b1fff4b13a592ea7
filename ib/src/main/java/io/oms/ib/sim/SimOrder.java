package io.oms.ib.sim;

import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Mutable order state; only ever touched on the simulator's engine thread. */
final class SimOrder {
    final int clientId;
    final int orderId;
    final long permId;
    final String account;
    final String symbol;
    final String secType;
    final String exchange;
    final String currency;
    final String action;
    final String orderType;
    final String orderRef;
    BigDecimal quantity;
    BigDecimal limitPrice;
    String tif;
    String status;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    BigDecimal lastFillPrice = BigDecimal.ZERO;
    boolean fillScheduled;

    SimOrder(int clientId, int orderId, long permId, String account, String symbol, String secType, String exchange,
             String currency, String action, String orderType, String orderRef, BigDecimal quantity,
             BigDecimal limitPrice, String tif) {
        this.clientId = clientId;
        this.orderId = orderId;
        this.permId = permId;
        this.account = account;
        this.symbol = symbol;
        this.secType = secType;
        this.exchange = exchange;
        this.currency = currency;
        this.action = action;
        this.orderType = orderType;
        this.orderRef = orderRef;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.tif = tif;
    }

    boolean isBuy() { return "BUY".equals(action); }

    /** IB's OrderStatus.isActive(): can still fill or be cancelled/modified. */
    boolean isActive() {
        return "PreSubmitted".equals(status) || "Submitted".equals(status) || "PendingCancel".equals(status)
                || "PendingSubmit".equals(status);
    }

    BigDecimal remaining() { return quantity.subtract(filled).max(BigDecimal.ZERO); }

    BigDecimal avgPrice() {
        if (filled.signum() == 0) return BigDecimal.ZERO;
        return notional.divide(filled, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    OpenOrder toOpenOrder() {
        return new OpenOrder(orderId, 0, symbol, secType, exchange, currency, symbol, "NMS", action, quantity, orderType,
                limitPrice, null, tif, account, "O", orderRef, clientId, permId, false, status);
    }

    OrderStatus toStatus() {
        return new OrderStatus(orderId, status, filled, remaining(), avgPrice(), permId, 0, lastFillPrice, clientId, null,
                BigDecimal.ZERO);
    }
}
