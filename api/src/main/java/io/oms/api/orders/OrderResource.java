package io.oms.api.orders;

import io.oms.api.Decimals;
import io.oms.infra.persistence.OrderRow;
import io.oms.workflows.order.OrderView;
import io.oms.infra.risk.StoredDenial;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it. Quantities and prices are decimal strings, never binary floating point; the
 * stop, trailing and expiry terms are null where the order's type or time in force has none. {@code riskDenials}
 * lists why the risk engine denied the order (or cancelled its rest); empty otherwise. {@code origin}: OMS, or
 * EXTERNAL for an order placed outside the OMS that reconciliation imported (read-only here: client order id
 * {@code ext-<permId>}, no cancel or modify).
 */
public record OrderResource(
        String id,
        String clientOrderId,
        String account,
        String symbol,
        String side,
        String type,
        String qty,
        String limitPrice,
        String stopPrice,
        String trailAmount,
        String trailPercent,
        String tif,
        Instant expireAt,
        boolean outsideRth,
        String state,
        String filledQty,
        String avgFillPrice,
        Integer brokerOrderId,
        Long permId,
        String rejectReason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String strategy,
        List<RiskDenialResource> riskDenials,
        String origin) {

    static OrderResource of(OrderView v) {
        return new OrderResource(v.orderId().toString(), v.clientOrderId().value(), v.account(), v.symbol(),
                v.side().name(), v.type().name(), Decimals.text(v.quantity()), Decimals.text(v.limitPrice()),
                Decimals.text(v.stopPrice()), Decimals.text(v.trailAmount()), Decimals.text(v.trailPercent()),
                v.timeInForce().name(), v.expireAt(), v.outsideRth(), v.state().name(), Decimals.text(v.filledQuantity()), Decimals.text(v.avgFillPrice()), v.brokerOrderId(), v.permId(),
                v.rejectReason(), v.version(), v.submittedAt(), v.updatedAt(), v.strategy(),
                v.denials().stream().map(RiskDenialResource::of).toList(), OrderRow.OMS);
    }

    static OrderResource of(OrderRow r) {
        return new OrderResource(r.id().toString(), r.clientOrderId(), r.account(), r.symbol(), r.side(), r.type(),
                Decimals.text(r.quantity()), Decimals.text(r.limitPrice()), Decimals.text(r.stopPrice()),
                Decimals.text(r.trailAmount()), Decimals.text(r.trailPercent()), r.timeInForce(), r.expireAt(), r.outsideRth(),
                r.state(), Decimals.text(r.filledQuantity()),
                Decimals.text(r.avgFillPrice()), r.brokerOrderId(), r.permId(), r.rejectReason(), r.version(), r.createdAt(),
                r.updatedAt(), r.strategy(), StoredDenial.fromJson(r.riskDenials()).stream().map(RiskDenialResource::of).toList(),
                r.origin());
    }
}
