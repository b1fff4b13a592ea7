package io.oms.api;

import java.math.BigDecimal;

/** How the API writes quantities and money: plain decimal strings without trailing zeros, never floats. */
public final class Decimals {
    private Decimals() {}

    public static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
