package io.oms.workflows.domain;

/**
 * The lifecycle states of an order. Which moves between them are legal is {@link OrderTransitions}' business.
 * Order matters only for reading: the enum's ordinal is never stored.
 */
public enum OrderState {
    /** Recorded, not yet acknowledged by IB. */
    NEW,
    /** Refused by the OMS's own pre-route checks; never reached IB. */
    DENIED,
    /** Acknowledged by IB and working, nothing filled yet. */
    ROUTED,
    /** Working with part of its quantity filled. */
    PARTIALLY_FILLED,
    /** A modify is at IB; the order still works on its old terms until IB confirms. */
    PENDING_MODIFY,
    /** A cancel (ours or an expiry's) is at IB; the order can still fill until IB confirms. */
    PENDING_CANCEL,
    FILLED,
    CANCELED,
    /** Refused by IB (or unreachable broker at placement). */
    REJECTED,
    /** Ended by its time in force (DAY at the session close, GTD at its expiry time). */
    EXPIRED;

    public boolean isTerminal() {
        return this == DENIED || this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** Working at the broker: it can still fill, so it counts as live exposure (pending states included). */
    public boolean isWorking() {
        return this == ROUTED || this == PARTIALLY_FILLED || this == PENDING_MODIFY || this == PENDING_CANCEL;
    }

    /** A cancel or modify is outstanding at IB. */
    public boolean isPending() {
        return this == PENDING_MODIFY || this == PENDING_CANCEL;
    }
}
