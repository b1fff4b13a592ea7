package io.oms.workflows.activities;

import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/** What the broker activity sends to IB. {@code orderRef} is the order's workflow id. */
public record PlaceOrderCommand(
        String orderRef,
        String account,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        BigDecimal trailAmount,
        BigDecimal trailPercent,
        TimeInForce timeInForce,
        Instant expireAt,
        boolean outsideRth) {}
