package io.oms.ib.client;

import java.math.BigDecimal;

/** openOrder: the order as the gateway knows it, with its current status. */
public record OpenOrderEvent(int orderId, long permId, int clientId, String orderRef, String account, String symbol,
                             String secType, String exchange, String currency, String action, BigDecimal quantity,
                             String orderType, BigDecimal limitPrice, String tif, String status) {}
