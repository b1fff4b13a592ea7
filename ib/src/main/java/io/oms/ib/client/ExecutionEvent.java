package io.oms.ib.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill (execDetails). execId is the idempotency key; a correction differs only after the last
 * '.' and supersedes the earlier one. side is BOT or SLD. time is null if IB's string was unparseable.
 */
public record ExecutionEvent(String execId, int orderId, long permId, int clientId, String orderRef, String account,
                             String symbol, String side, BigDecimal shares, BigDecimal price, BigDecimal cumQty,
                             BigDecimal avgPrice, String exchange, Instant time, String rawTime) {}
