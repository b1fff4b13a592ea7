package io.oms.api.orders;

import java.math.BigDecimal;

/** The body of {@code POST /api/v1/orders}. Enums arrive as strings so that a wrong value is a field error. */
public record SubmitOrderBody(
        String account,
        String symbol,
        String side,
        String type,
        BigDecimal qty,
        BigDecimal limitPrice,
        String tif,
        String clientOrderId) {}
