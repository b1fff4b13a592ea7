package io.oms.ib.client;

/**
 * The closed vocabulary every IB error code is mapped to (see {@link IbErrorCodes} for the table). The
 * category groups kinds for consumers that only need the coarse picture.
 */
public enum IbErrorKind {
    /** 1100, 2110: TWS/IBG lost its link to IB; orders cannot be managed. */
    CONNECTIVITY_LOST(Category.CONNECTIVITY),
    /** 1101: link restored, market data subscriptions lost (resubscribe). */
    CONNECTIVITY_RESTORED_DATA_LOST(Category.CONNECTIVITY),
    /** 1102: link restored, data maintained. */
    CONNECTIVITY_RESTORED(Category.CONNECTIVITY),
    /** 1300: the API socket port was reset; this socket goes away. */
    SOCKET_PORT_RESET(Category.CONNECTIVITY),
    /** 2103, 2105, 2157: a data farm disconnected (market data / history / sec-def; order routing unaffected). */
    FARM_DISCONNECTED(Category.FARM_STATUS),
    /** 2104, 2106, 2158: a data farm is OK. */
    FARM_CONNECTED(Category.FARM_STATUS),
    /** 2107, 2108: a data farm is inactive but available on demand. */
    FARM_INACTIVE(Category.FARM_STATUS),
    /** 201 and friends: the placement (or modification) was refused; the order is not working. */
    ORDER_REJECTED(Category.ORDER),
    /** 103: the order id was not above every id this client used before. */
    DUPLICATE_ORDER_ID(Category.ORDER),
    /** 202: the cancel took effect (or IB cancelled the order, with a reason). */
    CANCEL_CONFIRMED(Category.ORDER),
    /** 10147, 10148, 135, 161, 136: the cancel was refused (unknown order, or not cancellable). */
    CANCEL_REJECTED(Category.ORDER),
    /** 404: held for a short-sale locate; the order is still live. */
    ORDER_HELD(Category.ORDER),
    /** 10349, 2109, 399, 2100, other 21xx: informational; nothing failed. */
    WARNING(Category.WARNING),
    /** 100: message rate exceeded (IB cuts the session after three). */
    PACING_VIOLATION(Category.PACING),
    /** 326: the client id is in use by another connection; this one is refused. */
    CLIENT_ID_IN_USE(Category.SESSION),
    /** 101, 102, 300, 354, 10167, 10168, 10197: a market data request failed or is degraded. */
    MARKET_DATA(Category.MARKET_DATA),
    /** 5xx: raised by an API client itself (not connected, bad message, ...). */
    CLIENT_ERROR(Category.SESSION),
    /** Not in the table. */
    UNKNOWN(Category.UNKNOWN);

    public enum Category { CONNECTIVITY, FARM_STATUS, ORDER, WARNING, PACING, SESSION, MARKET_DATA, UNKNOWN }

    private final Category category;

    IbErrorKind(Category category) { this.category = category; }

    public Category category() { return category; }

    /** Nothing failed: status notices and warnings. */
    public boolean isInformational() {
        return category == Category.WARNING || category == Category.FARM_STATUS || this == ORDER_HELD
                || this == CONNECTIVITY_RESTORED || this == CONNECTIVITY_RESTORED_DATA_LOST;
    }

    /**
     * Whether this error, addressed to an order id still waiting for its first status, means the placement
     * failed. Unknown codes count as failures so an unfamiliar reject never leaves a placement hanging.
     */
    public boolean failsPlacement() {
        return this == ORDER_REJECTED || this == DUPLICATE_ORDER_ID || this == PACING_VIOLATION || this == UNKNOWN;
    }
}
