package io.oms.ib.client;

import java.math.BigDecimal;

/** orderStatus with the orderRef resolved from the connector's orderId map (null when unknown). */
public record OrderStatusEvent(int orderId, String orderRef, String status, BigDecimal filled, BigDecimal remaining,
                               BigDecimal avgFillPrice, BigDecimal lastFillPrice, long permId, int clientId,
                               String whyHeld) {}
