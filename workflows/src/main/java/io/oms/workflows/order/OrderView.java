package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import io.oms.workflows.risk.RiskDenial;
import java.time.Instant;
import java.util.List;

/**
 * One order as its workflow sees it: the answer of the state query, the result of submit and cancel, and
 * the row the ledger keeps. {@code version} grows by one with every state change. {@code strategy} and
 * {@code placedBy} (the user or key that placed it) are null in histories from before they existed;
 * {@code denials} are the risk engine's reasons when it DENIED the order (empty otherwise).
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
        Instant updatedAt,
        String strategy,
        String placedBy,
        List<RiskDenial> denials) {

    public OrderView {
        denials = denials == null ? List.of() : List.copyOf(denials);
    }

    /** An order without strategy, user or denials (tests, and the shape of the first releases). */
    public OrderView(OrderId orderId, TenantId tenantId, ClientOrderId clientOrderId, String account, String symbol,
                     Side side, OrderType type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                     BigDecimal trailAmount, BigDecimal trailPercent, TimeInForce timeInForce, Instant expireAt,
                     boolean outsideRth, OrderState state, BigDecimal filledQuantity, BigDecimal avgFillPrice,
                     Integer brokerOrderId, Long permId, String rejectReason, long version, Instant submittedAt,
                     Instant updatedAt) {
        this(orderId, tenantId, clientOrderId, account, symbol, side, type, quantity, limitPrice, stopPrice,
                trailAmount, trailPercent, timeInForce, expireAt, outsideRth, state, filledQuantity, avgFillPrice,
                brokerOrderId, permId, rejectReason, version, submittedAt, updatedAt, null, null, List.of());
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }
}
