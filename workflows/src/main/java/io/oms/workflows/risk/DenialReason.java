package io.oms.workflows.risk;

/**
 * The closed vocabulary of pre-trade denials, in the order the risk engine evaluates them (so the order of a
 * verdict's denials is fixed). TRADING_HALTED and REDUCE_ONLY are the kill switches' (answered by the API's gate
 * before an order reaches its workflow); RISK_CHECK_UNAVAILABLE is no rule but the check failing closed.
 */
public enum DenialReason {
    TRADING_HALTED(DenialKind.RISK),
    REDUCE_ONLY(DenialKind.RISK),
    RESTRICTED_ACCOUNT(DenialKind.COMPLIANCE),
    RESTRICTED_SYMBOL(DenialKind.COMPLIANCE),
    MARKET_CLOSED(DenialKind.COMPLIANCE),
    MAX_ORDER_QTY(DenialKind.RISK),
    MAX_NOTIONAL(DenialKind.RISK),
    PRICE_COLLAR(DenialKind.RISK),
    POSITION_LIMIT(DenialKind.RISK),
    LEVERAGE(DenialKind.RISK),
    CONCENTRATION(DenialKind.RISK),
    OPEN_ORDERS_LIMIT(DenialKind.RISK),
    ORDER_RATE(DenialKind.RISK),
    DAILY_LOSS(DenialKind.RISK),
    DRAWDOWN(DenialKind.RISK),
    WASH_TRADE(DenialKind.COMPLIANCE),
    DUPLICATE_ORDER(DenialKind.COMPLIANCE),
    /** Not a rule: the check itself could not run, and an unchecked order must not go (fail closed). */
    RISK_CHECK_UNAVAILABLE(DenialKind.RISK);

    private final DenialKind kind;

    DenialReason(DenialKind kind) {
        this.kind = kind;
    }

    public DenialKind kind() {
        return kind;
    }
}
