package io.oms.ib.sim;

import java.math.BigDecimal;

/**
 * A read-only snapshot of one simulated order. Manual (TWS-entered) orders have clientId 0 and orderId 0
 * until client 0 binds them (then a negative orderId). trailStopPrice is the current stop of a TRAIL order;
 * trailingPercent, goodTillDate and outsideRth are the terms as the client sent them.
 */
public record SimOrderView(long permId, int clientId, int orderId, String orderRef, String account, String symbol,
                           String action, String orderType, String tif, BigDecimal quantity, BigDecimal filled,
                           BigDecimal limitPrice, BigDecimal auxPrice, BigDecimal trailStopPrice, String status,
                           boolean manual, BigDecimal trailingPercent, String goodTillDate, boolean outsideRth) {}
