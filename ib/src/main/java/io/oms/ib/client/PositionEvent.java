package io.oms.ib.client;

import java.math.BigDecimal;

/** One holding from reqPositions. */
public record PositionEvent(String account, int conId, String symbol, String secType, String currency,
                            BigDecimal position, BigDecimal avgCost) {}
