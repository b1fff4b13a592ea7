package io.oms.workflows.domain;

/** The order types the OMS routes to IB. Which prices each needs is checked by the API's validation. */
public enum OrderType {
    /** Market. No limit or stop price. */
    MKT,
    /** Limit. A positive limit price. */
    LMT,
    /** Stop: a market order once the stop price trades. */
    STP,
    /** Stop limit: a limit order once the stop price trades. */
    STP_LMT,
    /** Trailing stop, by an amount or a percentage, optionally from an initial stop price. */
    TRAIL,
    /** Market on close. */
    MOC,
    /** Limit on close. */
    LOC;

    public boolean requiresLimitPrice() {
        return this == LMT || this == STP_LMT || this == LOC;
    }

    public boolean requiresStopPrice() {
        return this == STP || this == STP_LMT;
    }
}
