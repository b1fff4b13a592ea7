package io.oms.workflows.activities;

import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import java.math.BigDecimal;
import java.time.Instant;

/** One fill to add to the ledger; unique per (account, execId). */
public record ExecutionRecord(
        TenantId tenantId,
        OrderId orderId,
        String account,
        String symbol,
        Side side,
        String execId,
        BigDecimal quantity,
        BigDecimal price,
        String exchange,
        int brokerOrderId,
        long permId,
        Instant executedAt) {}
