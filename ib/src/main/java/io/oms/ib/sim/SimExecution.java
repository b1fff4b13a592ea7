package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** One fill made by the simulator (kept for reqExecutions replays and for tests). side is BOT or SLD. */
public record SimExecution(String execId, int clientId, int orderId, long permId, String orderRef, String account,
                           String symbol, String side, BigDecimal shares, BigDecimal price, BigDecimal cumQty,
                           BigDecimal avgPrice, BigDecimal commission, String time, Instant timestamp) {}
