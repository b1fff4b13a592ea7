package io.oms.api.orders;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/v1/orders}. Enums and {@code expireAt} (an ISO-8601 instant) arrive as strings so
 * that a wrong value is a field error; {@code outsideRth} absent means false; {@code strategy} is optional (the
 * strategy the order belongs to, for strategy limits and kill switches).
 */
public record SubmitOrderBody(
        String account,
        String symbol,
        String side,
        String type,
        BigDecimal qty,
        BigDecimal limitPrice,
        String tif,
        String clientOrderId,
        BigDecimal stopPrice,
        BigDecimal trailAmount,
        BigDecimal trailPercent,
        String expireAt,
        Boolean outsideRth,
        String strategy) {

    /** An order without a strategy. */
    public SubmitOrderBody(String account, String symbol, String side, String type, BigDecimal qty,
                           BigDecimal limitPrice, String tif, String clientOrderId, BigDecimal stopPrice,
                           BigDecimal trailAmount, BigDecimal trailPercent, String expireAt, Boolean outsideRth) {
        this(account, symbol, side, type, qty, limitPrice, tif, clientOrderId, stopPrice, trailAmount, trailPercent,
                expireAt, outsideRth, null);
    }
}
