package io.oms.api.risk;

import java.math.BigDecimal;

/**
 * {@code PUT /api/v1/risk/circuit-breakers/{kind}}: scope TENANT (default) or ACCOUNT with {@code account}; the
 * threshold in the kind's unit; {@code windowSeconds} for the windowed kinds (default 60, absent for LOSS);
 * {@code action} HALTED (default) or REDUCING; {@code enabled} (default true).
 */
public record CircuitBreakerBody(String scope, String account, BigDecimal threshold, Integer windowSeconds,
                                 String action, Boolean enabled) {}
