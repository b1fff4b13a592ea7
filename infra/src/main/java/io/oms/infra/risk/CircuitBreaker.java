package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A tenant's circuit breaker of one kind. {@code account} is set exactly when the scope is ACCOUNT;
 * {@code windowSeconds} is null for LOSS. {@code action} is the state its switch is engaged to: HALTED or REDUCING.
 */
public record CircuitBreaker(String tenantId, BreakerKind kind, String scope, String account, BigDecimal threshold,
                             Integer windowSeconds, String action, boolean enabled, String createdBy, Instant createdAt,
                             String updatedBy, Instant updatedAt) {
    public static final String TENANT = "TENANT";
    public static final String ACCOUNT = "ACCOUNT";

    /** The id of the kill switch it engages: the account code, or the tenant id. */
    public String scopeId() {
        return ACCOUNT.equals(scope) ? account : tenantId;
    }
}
