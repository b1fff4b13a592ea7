package io.oms.workflows.domain;

public final class IllegalTransitionException extends RuntimeException {
    private final OrderState from;
    private final OrderState to;

    public IllegalTransitionException(OrderState from, OrderState to) {
        super("illegal order transition " + from + " -> " + to);
        this.from = from;
        this.to = to;
    }

    public OrderState from() {
        return from;
    }

    public OrderState to() {
        return to;
    }
}
