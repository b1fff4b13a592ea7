package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill to insert into {@code executions}; unique per (account, execId). {@code execBase} and
 * {@code revision} are the exec id up to its last dot and its numeric suffix: every revision (correction)
 * of one execution shares the base.
 */
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
        Instant executedAt,
        String execBase,
        int revision) {

    /** An execution that is never corrected: its own base, revision 0. */
    public NewExecution(String tenantId, UUID orderId, String account, String execId, String symbol, String side,
                        BigDecimal quantity, BigDecimal price, String exchange, Integer brokerOrderId, Long permId,
                        Instant executedAt) {
        this(tenantId, orderId, account, execId, symbol, side, quantity, price, exchange, brokerOrderId, permId,
                executedAt, execId, 0);
    }
}
