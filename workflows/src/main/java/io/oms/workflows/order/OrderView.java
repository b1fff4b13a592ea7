package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as its workflow sees it: the answer of the state query, the result of submit and cancel, and
 * the row the ledger keeps. {@code version} grows by one with every state change.
 */
public record OrderView(
        OrderId orderId,
        TenantId tenantId,
        ClientOrderId clientOrderId,
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
        boolean outsideRth,
        OrderState state,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        Integer brokerOrderId,
        Long permId,
        String rejectReason,
        long version,
        Instant submittedAt,
        Instant updatedAt) {

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }
}
