package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.util.UUID;

/** A tradable instrument: its IB contract fields and tick size. */
public record InstrumentRow(
        UUID id,
        String symbol,
        String secType,
        String exchange,
        String primaryExchange,
        String currency,
        BigDecimal tickSize,
        Long conId) {}
