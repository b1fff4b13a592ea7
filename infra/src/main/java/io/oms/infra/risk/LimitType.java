package io.oms.infra.risk;

/**
 * What a risk limit bounds, one type per rule that takes a number; the value's unit is the type's. Every value is
 * a ceiling: an order is denied when its figure would be above it (DAILY_LOSS and DRAWDOWN: a loss above it), except
 * ACCOUNT_EQUITY, a figure stored alongside the limits (see {@link #isCeiling()}).
 */
public enum LimitType {
    /** Shares (or contracts) of one order. */
    MAX_ORDER_QTY("shares", false),
    /** Quantity x price of one order, in the account's currency. */
    MAX_NOTIONAL("currency", false),
    /** How far (percent) a limit price may be from the last price. */
    PRICE_COLLAR_PCT("percent", false),
    /** Absolute resulting position in one symbol: position + working orders on the order's side + the order. */
    POSITION_LIMIT("shares", false),
    /** Working orders of the account, this one included. */
    OPEN_ORDERS("orders", false),
    /** Orders of the account within the last {@code periodSeconds}, this one included. */
    ORDER_RATE("orders per period", true),
    /** Today's loss (realized + unrealized - commissions, as a positive number). */
    DAILY_LOSS("currency", false),
    /** Fall of today's P&L from its peak. */
    DRAWDOWN("currency", false),
    /** The window (seconds) in which the same order again is a duplicate. */
    DUPLICATE_WINDOW("seconds", false),
    /** Gross exposure value of the account after the order divided by its equity. */
    MAX_LEVERAGE("ratio", false),
    /** The order's symbol's exposure value as a percent of the account's book (gross exposure, at least its equity). */
    MAX_CONCENTRATION_PCT("percent", false),
    /**
     * Not a ceiling: the account's equity (net liquidation value) that leverage and concentration are measured
     * against, entered by hand (ACCOUNT scope only) because nothing records it from the broker yet.
     */
    ACCOUNT_EQUITY("currency", false);

    private final String unit;
    private final boolean needsPeriod;

    LimitType(String unit, boolean needsPeriod) {
        this.unit = unit;
        this.needsPeriod = needsPeriod;
    }

    public String unit() {
        return unit;
    }

    /** False for ACCOUNT_EQUITY, a figure the rules read rather than a bound on orders. */
    public boolean isCeiling() {
        return this != ACCOUNT_EQUITY;
    }

    /** True for the one type measured over a window ({@code periodSeconds} required; for others it must be absent). */
    public boolean needsPeriod() {
        return needsPeriod;
    }
}
