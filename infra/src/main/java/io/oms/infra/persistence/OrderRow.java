package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code orders}. Enumerations (side, type, time in force, state) are kept as their names: the
 * domain enums live in {@code workflows}, which {@code infra} does not depend on; callers map. The stop,
 * trailing and expiry terms are null where the order's type or time in force has none. {@code strategy} and
 * {@code placedBy} say who and what the order is for (null on orders from before they were kept);
 * {@code riskDenials} is the risk engine's JSON list of denials of a DENIED order, else null;
 * {@code origin} says whether the OMS placed it ({@value #OMS}) or reconciliation imported it ({@value #EXTERNAL}).
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
        Instant updatedAt,
        String strategy,
        String placedBy,
        String riskDenials,
        String origin) {

    public OrderRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        origin = origin == null ? OMS : origin;
    }

    /** Placed through the OMS (has a workflow); {@link #EXTERNAL}: placed elsewhere, imported by reconciliation. */
    public static final String OMS = "OMS";
    public static final String EXTERNAL = "EXTERNAL";

    /** An order the OMS placed. */
    public OrderRow(UUID id, String tenantId, String clientOrderId, String account, String symbol, String side,
                    String type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                    BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce, Instant expireAt,
                    boolean outsideRth, String state, BigDecimal filledQuantity, BigDecimal avgFillPrice,
                    Integer brokerOrderId, Long permId, String rejectReason, long version, Instant createdAt,
                    Instant updatedAt, String strategy, String placedBy, String riskDenials) {
        this(id, tenantId, clientOrderId, account, symbol, side, type, quantity, limitPrice, stopPrice, trailAmount,
                trailPercent, timeInForce, expireAt, outsideRth, state, filledQuantity, avgFillPrice, brokerOrderId,
                permId, rejectReason, version, createdAt, updatedAt, strategy, placedBy, riskDenials, OMS);
    }

    public boolean external() {
        return EXTERNAL.equals(origin);
    }

    /** An order without strategy, user or denials (tests and older callers). */
    public OrderRow(UUID id, String tenantId, String clientOrderId, String account, String symbol, String side,
                    String type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                    BigDecimal trailAmount, BigDecimal trailPercent, String timeInForce, Instant expireAt,
                    boolean outsideRth, String state, BigDecimal filledQuantity, BigDecimal avgFillPrice,
                    Integer brokerOrderId, Long permId, String rejectReason, long version, Instant createdAt,
                    Instant updatedAt) {
        this(id, tenantId, clientOrderId, account, symbol, side, type, quantity, limitPrice, stopPrice, trailAmount,
                trailPercent, timeInForce, expireAt, outsideRth, state, filledQuantity, avgFillPrice, brokerOrderId,
                permId, rejectReason, version, createdAt, updatedAt, null, null, null, OMS);
    }
}
