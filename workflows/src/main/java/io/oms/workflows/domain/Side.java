package io.oms.workflows.domain;

public enum Side {
    BUY,
    SELL;

    /** +1 for a buy, -1 for a sell: the sign a fill of this side applies to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
