package io.oms.workflows.domain;

/** The lifecycle states of an order. Which moves between them are legal is {@link OrderTransitions}' business. */
public enum OrderState {
    NEW,
    ROUTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED;
    }

    /** Working at the broker: it can still fill, so it counts as live exposure. */
    public boolean isWorking() {
        return this == ROUTED || this == PARTIALLY_FILLED;
    }
}
