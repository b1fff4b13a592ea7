package io.oms.workflows.domain;

/** How long an order works. GTD needs an expiry time; OPG takes part in the opening auction only. */
public enum TimeInForce {
    DAY,
    GTC,
    IOC,
    FOK,
    GTD,
    OPG
}
