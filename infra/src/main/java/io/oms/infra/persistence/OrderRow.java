package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code orders}. Enumerations (side, type, time in force, state) are kept as their names: the
 * domain enums live in {@code workflows}, which {@code infra} does not depend on; callers map. The stop,
 * trailing and expiry terms are null where the order's type or time in force has none.
 */
public record OrderRow(
        UUID id,
        String tenantId,
        String clientOrderId,
        String account,
        String symbol,
        String side,
        String type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        BigDecimal trailAmount,
        BigDecimal trailPercent,
        String timeInForce,
        Instant expireAt,
        boolean outsideRth,
        String state,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        Integer brokerOrderId,
        Long permId,
        String rejectReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public OrderRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
