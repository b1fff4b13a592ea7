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
 * A validated order as the API hands it to its workflow. {@code brokerConnection} names the IB session
 * (and so the {@code ib-{connection}} task queue) that owns {@code account}.
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
        TimeInForce timeInForce,
        String actor,
        Instant submittedAt) {

    /** The workflow id, which IB echoes back as orderRef on every order and execution message. */
    public String workflowId() {
        return OrderWorkflowContract.workflowId(tenantId, clientOrderId);
    }
}
