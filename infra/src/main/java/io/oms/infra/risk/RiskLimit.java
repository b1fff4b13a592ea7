package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code risk_limits}. {@code scopeValue} is null exactly for TENANT; {@code periodSeconds} is set
 * exactly for ORDER_RATE.
 */
public record RiskLimit(UUID id, String tenantId, LimitScope scope, String scopeValue, LimitType type,
                        BigDecimal value, Integer periodSeconds, String createdBy, Instant createdAt,
                        Instant updatedAt) {

    /** As {@link #appliesTo(String, String, String, String, String)} without a known security type. */
    public boolean appliesTo(String account, String symbol, String strategy, String user) {
        return appliesTo(account, symbol, null, strategy, user);
    }

    /**
     * Whether the limit applies to an order of this account, symbol, security type (asset class), strategy and user
     * (the last three may be null: an ASSET_CLASS limit never applies to an instrument of unknown type).
     */
    public boolean appliesTo(String account, String symbol, String secType, String strategy, String user) {
        return switch (scope) {
            case TENANT -> true;
            case ACCOUNT -> scopeValue.equals(account);
            case INSTRUMENT -> scopeValue.equals(symbol);
            case ASSET_CLASS -> scopeValue.equals(secType);
            case STRATEGY -> scopeValue.equals(strategy);
            case USER -> scopeValue.equals(user);
        };
    }
}
