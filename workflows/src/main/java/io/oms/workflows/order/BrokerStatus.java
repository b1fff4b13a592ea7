package io.oms.workflows.order;

import java.math.BigDecimal;

/** An IB orderStatus for this order: {@code status} is IB's own word (Submitted, Filled, Cancelled, Inactive, ...). */
public record BrokerStatus(
        int brokerOrderId,
        long permId,
        String status,
        BigDecimal filled,
        BigDecimal remaining,
        BigDecimal avgFillPrice,
        String whyHeld) {}
