package io.oms.workflows.order;

import io.oms.workflows.domain.OrderState;

/**
 * The outcome of offering an event to the order: applied (with the audit action to record and an optional
 * detail, e.g. IB's reason for refusing a modify), refused as an illegal move (named, never applied), or
 * nothing to do.
 */
record Transition(Kind kind, OrderView view, String action, String detail, OrderState refusedFrom, OrderState refusedTo) {
    enum Kind {
        APPLIED,
        REFUSED,
        NONE
    }

    static Transition applied(OrderView view, String action) {
        return new Transition(Kind.APPLIED, view, action, null, null, null);
    }

    static Transition applied(OrderView view, String action, String detail) {
        return new Transition(Kind.APPLIED, view, action, detail, null, null);
    }

    static Transition refused(OrderState from, OrderState to, OrderView view) {
        return new Transition(Kind.REFUSED, view, null, null, from, to);
    }

    static Transition none() {
        return new Transition(Kind.NONE, null, null, null, null, null);
    }
}
