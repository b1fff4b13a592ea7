package io.oms.workflows.order;

/**
 * The answer of the modify update: IB confirmed the new terms, IB refused them (the order works on as it was,
 * {@code reason} says why), or IB has not answered within the update's wait (the order is PENDING_MODIFY).
 */
public record ModifyOutcome(Status status, OrderView order, String reason) {
    public enum Status {
        CONFIRMED,
        REFUSED,
        PENDING
    }
}
