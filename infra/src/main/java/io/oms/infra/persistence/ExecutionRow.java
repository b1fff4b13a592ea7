package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recorded fill; commission is null until the broker reports it. {@code supersededBy} names the
 * correction that replaced it (null for an effective execution); {@code realizedPnl} is what it realized in
 * its position (null while superseded).
 */
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
        String commissionCurrency,
        String supersededBy,
        BigDecimal realizedPnl) {

    public boolean effective() {
        return supersededBy == null;
    }
}
