package io.oms.ib.client;

import io.oms.ib.msg.PlaceOrder;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What to place. orderRef is the OMS's client order id and is echoed by IB in openOrder/execDetails.
 * auxPrice is the stop price of STP and STP LMT, or the trailing amount of TRAIL (else trailingPercent);
 * trailStopPrice is a TRAIL order's initial stop; goodTillDate ("yyyyMMdd HH:mm:ss [zone]") goes with tif GTD.
 * Null means unset; the "with" methods add the optional terms to the common MKT and LMT specs.
 */
public record OrderSpec(String orderRef, String account, String symbol, String secType, String exchange,
                        String primaryExchange, String currency, String action, BigDecimal quantity, String orderType,
                        BigDecimal limitPrice, String tif, BigDecimal auxPrice, BigDecimal trailingPercent,
                        BigDecimal trailStopPrice, String goodTillDate, boolean outsideRth) {
    private static final Set<String> NEEDS_LIMIT = Set.of("LMT", "STP LMT", "LOC");
    private static final Set<String> NEEDS_STOP = Set.of("STP", "STP LMT");

    public OrderSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(orderType, "orderType");
        if (quantity.signum() <= 0) throw new IllegalArgumentException("quantity must be positive");
        if (NEEDS_LIMIT.contains(orderType) && limitPrice == null) {
            throw new IllegalArgumentException(orderType + " needs a limit price");
        }
        if (NEEDS_STOP.contains(orderType) && auxPrice == null) {
            throw new IllegalArgumentException(orderType + " needs a stop price");
        }
        if ("TRAIL".equals(orderType) && (auxPrice == null) == (trailingPercent == null)) {
            throw new IllegalArgumentException("TRAIL needs a trailing amount or a trailing percent, not both");
        }
        if ("GTD".equals(tif) && (goodTillDate == null || goodTillDate.isBlank())) {
            throw new IllegalArgumentException("GTD needs a goodTillDate");
        }
    }

    /** The common terms only (no stop, trail, expiry or outside-RTH flag). */
    public OrderSpec(String orderRef, String account, String symbol, String secType, String exchange,
                     String primaryExchange, String currency, String action, BigDecimal quantity, String orderType,
                     BigDecimal limitPrice, String tif) {
        this(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, quantity, orderType,
                limitPrice, tif, null, null, null, null, false);
    }

    /** This order as another type with its stop or trailing amount (auxPrice) and limit, e.g. STP, STP LMT, TRAIL. */
    public OrderSpec as(String type, BigDecimal limit, BigDecimal aux) {
        return new OrderSpec(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, quantity,
                type, limit, tif, aux, trailingPercent, trailStopPrice, goodTillDate, outsideRth);
    }

    /** A TRAIL order trailing by a percentage, optionally from an initial stop. */
    public OrderSpec trailingPercent(BigDecimal percent, BigDecimal initialStop) {
        return new OrderSpec(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, quantity,
                "TRAIL", limitPrice, tif, null, percent, initialStop, goodTillDate, outsideRth);
    }

    /** The same order with another time in force; goodTillDate only for GTD. */
    public OrderSpec until(String timeInForce, String goodTill) {
        return new OrderSpec(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, quantity,
                orderType, limitPrice, timeInForce, auxPrice, trailingPercent, trailStopPrice, goodTill, outsideRth);
    }

    public OrderSpec outsideRegularHours() {
        return new OrderSpec(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, quantity,
                orderType, limitPrice, tif, auxPrice, trailingPercent, trailStopPrice, goodTillDate, true);
    }

    /** The same order with a new quantity and limit: the usual modify. */
    public OrderSpec resized(BigDecimal newQuantity, BigDecimal newLimit) {
        return new OrderSpec(orderRef, account, symbol, secType, exchange, primaryExchange, currency, action, newQuantity,
                orderType, newLimit, tif, auxPrice, trailingPercent, trailStopPrice, goodTillDate, outsideRth);
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
                or(currency, "USD"), action, plain(quantity), orderType, plain(limitPrice), plain(auxPrice),
                or(tif, "DAY"), account, orderRef, true, outsideRth, goodTillDate, plain(trailStopPrice),
                plain(trailingPercent));
    }

    private static String or(String v, String dflt) { return v == null || v.isBlank() ? dflt : v; }

    // Written with toPlainString, so this sends "150" rather than "150.00", as IB's own client would.
    private static BigDecimal plain(BigDecimal v) { return v == null ? null : v.stripTrailingZeros(); }
}
