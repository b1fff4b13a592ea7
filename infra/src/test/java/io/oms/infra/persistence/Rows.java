package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test rows. */
final class Rows {
    static final Instant T0 = Instant.parse("2025-01-02T14:30:00Z");

    private Rows() {}

    static OrderRow order(String tenant, UUID id, String clientOrderId, long version, String state) {
        return new OrderRow(id, tenant, clientOrderId, "DU1", "AAPL", "BUY", "LMT", new BigDecimal("100"),
                new BigDecimal("150.25"), null, null, null, "DAY", null, false, state, BigDecimal.ZERO, null, 7, null, null, version, T0,
                T0.plus(version, ChronoUnit.SECONDS));
    }

    static NewExecution execution(String tenant, UUID orderId, String account, String execId) {
        return new NewExecution(tenant, orderId, account, execId, "AAPL", "BUY", new BigDecimal("10"),
                new BigDecimal("150.10"), "ISLAND", 7, 99L, T0);
    }
}
