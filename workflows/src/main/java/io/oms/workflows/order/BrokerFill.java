package io.oms.workflows.order;

import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** One IB execution (execDetails). {@code execId} is unique per account and is the fill ledger's key. */
public record BrokerFill(
        String execId,
        int brokerOrderId,
        long permId,
        String account,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal cumulativeQuantity,
        BigDecimal avgPrice,
        String exchange,
        Instant executedAt) {}
