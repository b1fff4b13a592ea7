package io.oms.workflows.killswitch;

/** What a kill switch covers. Narrower scopes are checked alongside wider ones: any engaged switch blocks. */
public enum KillSwitchScope {
    /** Every tenant: system administrators only. */
    GLOBAL,
    TENANT,
    /** One broker account of the tenant. */
    ACCOUNT,
    /** One strategy of the tenant (orders carry no strategy yet: nothing is canceled, the gate checks it when given). */
    STRATEGY
}
