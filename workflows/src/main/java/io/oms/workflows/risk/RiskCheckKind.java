package io.oms.workflows.risk;

/**
 * Which moment of an order's life a risk check is for; each runs its own set of rules (a modify is not a new
 * order for the order rate, a partial fill is checked only against what the fill can change).
 */
public enum RiskCheckKind {
    /** Before a new order is routed: every rule. */
    NEW_ORDER,
    /** Before the new terms of a modify are sent: the per-order and exposure rules. */
    MODIFY,
    /** After a partial fill, for the residual quantity: a breach cancels the rest of the order. */
    IN_FLIGHT
}
