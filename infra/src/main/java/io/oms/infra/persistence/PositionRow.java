package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** One position: signed quantity (negative = short), average cost, realized P&L and commissions paid. */
public record PositionRow(
        String tenantId,
        String account,
        String symbol,
        BigDecimal quantity,
        BigDecimal avgCost,
        BigDecimal realizedPnl,
        BigDecimal commissions,
        Instant updatedAt) {}
