package io.oms.ib.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The table from IB error codes to {@link IbErrorKind} (IB "Message Codes" doc, ib-tws-protocol.md
 * §3.3/§3.5/§1.7). Codes not listed fall back by range: 5xx are client-side errors, other 21xx are
 * warnings, anything else is UNKNOWN.
 */
public final class IbErrorCodes {
    private static final Map<Integer, IbErrorKind> TABLE = new HashMap<>();

    static {
        put(IbErrorKind.CONNECTIVITY_LOST, 1100, 2110);
        put(IbErrorKind.CONNECTIVITY_RESTORED_DATA_LOST, 1101);
        put(IbErrorKind.CONNECTIVITY_RESTORED, 1102);
        put(IbErrorKind.SOCKET_PORT_RESET, 1300);
        put(IbErrorKind.FARM_DISCONNECTED, 2103, 2105, 2157);
        put(IbErrorKind.FARM_CONNECTED, 2104, 2106, 2158);
        put(IbErrorKind.FARM_INACTIVE, 2107, 2108);
        // 104 modify of a filled order, 105 modify changes basic params, 110 price increment, 133/134 submit/modify
        // failed, 200 no security definition, 201 rejected, 203 security not allowed, 460 no trading permission.
        put(IbErrorKind.ORDER_REJECTED, 104, 105, 106, 107, 109, 110, 111, 133, 134, 200, 201, 203, 460);
        put(IbErrorKind.DUPLICATE_ORDER_ID, 103);
        put(IbErrorKind.CANCEL_CONFIRMED, 202);
        put(IbErrorKind.CANCEL_REJECTED, 135, 136, 161, 10147, 10148);
        put(IbErrorKind.ORDER_HELD, 404);
        put(IbErrorKind.WARNING, 399, 2100, 2101, 2102, 2109, 2137, 10349);
        put(IbErrorKind.PACING_VIOLATION, 100);
        put(IbErrorKind.CLIENT_ID_IN_USE, 326);
        put(IbErrorKind.MARKET_DATA, 101, 102, 300, 354, 10167, 10168, 10197);
    }

    private IbErrorCodes() {}

    public static IbErrorKind classify(int code) {
        IbErrorKind k = TABLE.get(code);
        if (k != null) return k;
        if (code >= 500 && code < 600) return IbErrorKind.CLIENT_ERROR;
        if (code >= 2100 && code < 2200) return IbErrorKind.WARNING;
        return IbErrorKind.UNKNOWN;
    }

    private static void put(IbErrorKind kind, int... codes) {
        for (int c : codes) {
            if (TABLE.put(c, kind) != null) throw new IllegalStateException("code " + c + " listed twice");
        }
    }
}
