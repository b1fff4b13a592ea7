package io.oms.ib.client;

import io.oms.ib.msg.CompletedOrder;
import io.oms.ib.wire.ExecTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * completedOrder: an order that finished today (Filled, Cancelled, Inactive), possibly while this connector
 * was away, so the OMS can learn terminal states it never saw live. IB sends no order id with it: orderId is
 * the id of the order this connector knows under that permId (else under that orderRef), or 0 when it
 * matches none (placed elsewhere or before this process); orderRef is IB's, or the known one when IB's is
 * empty. status is IB's order status; completedStatus is IB's free text (e.g. "Filled Size: 100").
 * completedAt is completedTime parsed, or null when IB's text is unparseable.
 */
public record CompletedOrderEvent(long permId, int orderId, String orderRef, String account, String symbol,
                                  String secType, String action, BigDecimal quantity, String orderType,
                                  BigDecimal limitPrice, BigDecimal auxPrice, String tif, String status,
                                  BigDecimal filledQuantity, String completedTime, Instant completedAt,
                                  String completedStatus) {

    static CompletedOrderEvent of(CompletedOrder o, int orderId, String orderRef) {
        return new CompletedOrderEvent(o.permId(), orderId, orderRef, o.account(), o.symbol(), o.secType(), o.action(),
                o.totalQuantity(), o.orderType(), o.lmtPrice(), o.auxPrice(), o.tif(), o.status(), o.filledQuantity(),
                o.completedTime(), ExecTimes.parse(o.completedTime(), ZoneId.systemDefault()), o.completedStatus());
    }
}
