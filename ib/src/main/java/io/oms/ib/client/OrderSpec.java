package io.oms.ib.client;

import java.math.BigDecimal;
import java.util.Objects;

/** What to place. orderRef is the OMS's client order id and is echoed by IB in openOrder/execDetails. */
public record OrderSpec(String orderRef, String account, String symbol, String secType, String exchange,
                        String primaryExchange, String currency, String action, BigDecimal quantity, String orderType,
                        BigDecimal limitPrice, String tif) {
    public OrderSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(orderType, "orderType");
        if (quantity.signum() <= 0) throw new IllegalArgumentException("quantity must be positive");
        if ("LMT".equals(orderType) && limitPrice == null) throw new IllegalArgumentException("LMT needs a limit price");
    }

    public static OrderSpec market(String orderRef, String account, String symbol, String action, BigDecimal qty) {
        return new OrderSpec(orderRef, account, symbol, "STK", "SMART", null, "USD", action, qty, "MKT", null, "DAY");
    }

    public static OrderSpec limit(String orderRef, String account, String symbol, String action, BigDecimal qty,
                                  BigDecimal limitPrice, String tif) {
        return new OrderSpec(orderRef, account, symbol, "STK", "SMART", null, "USD", action, qty, "LMT", limitPrice, tif);
    }
}
