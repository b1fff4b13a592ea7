package io.oms.workflows.domain;

import java.util.regex.Pattern;

/**
 * The caller's name for the strategy an order belongs to (optional on orders): what strategy-scoped risk limits
 * and kill switches match. Same alphabet as client order ids.
 */
public final class StrategyId {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    public static final String RULE = "must be 1-64 characters of A-Z a-z 0-9 . _ : -";

    private StrategyId() {}

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }
}
