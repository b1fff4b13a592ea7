package io.oms.ib.client;

import io.oms.ib.msg.PlaceOrder;
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

    /** The placeOrder message for this spec under the given id, with IB's usual defaults for blank fields. */
    PlaceOrder toWire(int orderId) {
        return new PlaceOrder(orderId, 0, symbol, or(secType, "STK"), or(exchange, "SMART"), primaryExchange,
                or(currency, "USD"), action, plain(quantity), orderType, plain(limitPrice), null, or(tif, "DAY"),
                account, orderRef, true, false, null, null, null);
    }

    private static String or(String v, String dflt) { return v == null || v.isBlank() ? dflt : v; }

    // Written with toPlainString, so this sends "150" rather than "150.00", as IB's own client would.
    private static BigDecimal plain(BigDecimal v) { return v == null ? null : v.stripTrailingZeros(); }
}
