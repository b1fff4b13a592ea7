package io.oms.workflows.killswitch;

/** NautilusTrader's trading states. */
public enum TradingState {
    ACTIVE,
    /** Only orders that reduce the absolute position pass. */
    REDUCING,
    /** No new orders and no modifies; cancels always pass. */
    HALTED
}
