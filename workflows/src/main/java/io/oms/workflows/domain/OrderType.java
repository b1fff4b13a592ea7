package io.oms.workflows.domain;

public enum OrderType {
    /** Market. A limit price is forbidden. */
    MKT,
    /** Limit. A positive limit price is required. */
    LMT;

    public boolean requiresLimitPrice() {
        return this == LMT;
    }
}
