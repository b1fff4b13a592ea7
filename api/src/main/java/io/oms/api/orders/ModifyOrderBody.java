package io.oms.api.orders;

import java.math.BigDecimal;

/** The body of {@code PATCH /api/v1/orders/{id}}: the terms to change, at least one. */
public record ModifyOrderBody(BigDecimal qty, BigDecimal limitPrice, BigDecimal stopPrice, String tif) {}
