package io.oms.activities.ledger;

import io.oms.infra.persistence.OrderRow;
import io.oms.infra.risk.StoredDenial;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.OrderView;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;

/** Maps the workflow's {@link OrderView} to and from the {@code orders} row. */
public final class OrderRows {
    private OrderRows() {}

    public static OrderRow toRow(OrderView v) {
        return new OrderRow(
                v.orderId().value(),
                v.tenantId().value(),
                v.clientOrderId().value(),
                v.account(),
                v.symbol(),
                v.side().name(),
                v.type().name(),
                v.quantity(),
                v.limitPrice(),
                v.stopPrice(),
                v.trailAmount(),
                v.trailPercent(),
                v.timeInForce().name(),
                v.expireAt(),
                v.outsideRth(),
                v.state().name(),
                v.filledQuantity(),
                v.avgFillPrice(),
                v.brokerOrderId(),
                v.permId(),
                v.rejectReason(),
                v.version(),
                v.submittedAt(),
                v.updatedAt(),
                v.strategy(),
                v.placedBy(),
                StoredDenial.toJson(v.denials().stream().map(OrderRows::stored).toList()));
    }

    public static OrderView toView(OrderRow r) {
        return new OrderView(
                new OrderId(r.id()),
                new TenantId(r.tenantId()),
                new ClientOrderId(r.clientOrderId()),
                r.account(),
                r.symbol(),
                Side.valueOf(r.side()),
                OrderType.valueOf(r.type()),
                r.quantity(),
                r.limitPrice(),
                r.stopPrice(),
                r.trailAmount(),
                r.trailPercent(),
                TimeInForce.valueOf(r.timeInForce()),
                r.expireAt(),
                r.outsideRth(),
                OrderState.valueOf(r.state()),
                r.filledQuantity(),
                r.avgFillPrice(),
                r.brokerOrderId(),
                r.permId(),
                r.rejectReason(),
                r.version(),
                r.createdAt(),
                r.updatedAt(),
                r.strategy(),
                r.placedBy(),
                StoredDenial.fromJson(r.riskDenials()).stream().map(OrderRows::denial).toList());
    }

    static StoredDenial stored(RiskDenial d) {
        return new StoredDenial(d.reason().name(), d.kind().name(), d.limit(), d.actual(), d.limitId(), d.message(),
                d.retryAfterSeconds());
    }

    static RiskDenial denial(StoredDenial d) {
        return new RiskDenial(DenialReason.valueOf(d.reason()), d.limit(), d.actual(), d.limitId(), d.message(),
                d.retryAfterSeconds());
    }
}
