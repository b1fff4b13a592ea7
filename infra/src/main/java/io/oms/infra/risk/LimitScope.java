package io.oms.infra.risk;

/**
 * Which orders a risk limit applies to: all of the tenant's, or those of one account, symbol, asset class
 * (instrument security type: STK, OPT, FUT, CASH, ...), strategy or user.
 */
public enum LimitScope {
    TENANT,
    ACCOUNT,
    INSTRUMENT,
    ASSET_CLASS,
    STRATEGY,
    USER;

    /** Every scope but TENANT names what it applies to. */
    public boolean needsValue() {
        return this != TENANT;
    }
}
