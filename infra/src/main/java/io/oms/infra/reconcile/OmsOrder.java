package io.oms.infra.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What reconciliation compares of an OMS order. */
public record OmsOrder(UUID id, String clientOrderId, String symbol, String side, String state, BigDecimal quantity,
                       BigDecimal filled, Integer brokerOrderId, Long permId, String origin, Instant createdAt) {

    public boolean external() {
        return "EXTERNAL".equals(origin);
    }
}
