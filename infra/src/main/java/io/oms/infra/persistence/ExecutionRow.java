package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded fill as the API lists it; commission is null until the broker reports it. */
public record ExecutionRow(
        String execId,
        String account,
        String symbol,
        String side,
        BigDecimal quantity,
        BigDecimal price,
        String exchange,
        Instant executedAt,
        BigDecimal commission,
        String commissionCurrency) {}
