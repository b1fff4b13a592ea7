package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A fill to insert into {@code executions}; unique per (account, execId). */
public record NewExecution(
        String tenantId,
        UUID orderId,
        String account,
        String execId,
        String symbol,
        String side,
        BigDecimal quantity,
        BigDecimal price,
        String exchange,
        Integer brokerOrderId,
        Long permId,
        Instant executedAt) {}
