package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated order as the API hands it to its workflow. {@code stopPrice} is the trigger of STP and STP_LMT
 * and the initial stop of TRAIL; a TRAIL trails by {@code trailAmount} or {@code trailPercent}; {@code expireAt}
 * is set for GTD only. Fields added after the first release are null (false) in older histories. {@code brokerConnection} names the IB session
 * (and so the {@code ib-{connection}} task queue) that owns {@code account}. {@code strategy} is the caller's
 * optional strategy id (null in older histories); {@code actor} is who placed the order.
 */
public record OrderRequest(
        OrderId orderId,
        TenantId tenantId,
        ClientOrderId clientOrderId,
        String account,
        String brokerConnection,
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
        String actor,
        Instant submittedAt,
        String strategy) {

    /** An order without a strategy (tests, and the shape of the first releases). */
    public OrderRequest(OrderId orderId, TenantId tenantId, ClientOrderId clientOrderId, String account,
                        String brokerConnection, String symbol, Side side, OrderType type, BigDecimal quantity,
                        BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailAmount, BigDecimal trailPercent,
                        TimeInForce timeInForce, Instant expireAt, boolean outsideRth, String actor,
                        Instant submittedAt) {
        this(orderId, tenantId, clientOrderId, account, brokerConnection, symbol, side, type, quantity, limitPrice,
                stopPrice, trailAmount, trailPercent, timeInForce, expireAt, outsideRth, actor, submittedAt, null);
    }

    /** The workflow id, which IB echoes back as orderRef on every order and execution message. */
    public String workflowId() {
        return OrderWorkflowContract.workflowId(tenantId, clientOrderId);
    }
}
