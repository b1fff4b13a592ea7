package io.oms.infra.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an ORDER override lets through: an order with exactly these terms (quantity and limit price compared by
 * value, limit price null for orders without one), denied for no reason outside {@code reasons} (names of
 * {@code DenialReason}; kept as names because {@code infra} does not depend on {@code workflows}).
 */
public record OverrideTerms(String account, String symbol, String side, String type, BigDecimal quantity,
                            BigDecimal limitPrice, List<String> reasons) {

    public OverrideTerms {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) throw new IllegalArgumentException("an ORDER override waives at least one reason");
    }
}
