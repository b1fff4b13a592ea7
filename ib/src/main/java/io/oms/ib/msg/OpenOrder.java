package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * openOrder (no version since sv 145): the fields an OMS needs, including OrderState.status. Encoding
 * writes every other field with neutral defaults; decoding walks the whole version-gated layout (see
 * {@link OpenOrderLayout}). Null prices/strings mean unset. There is no filled quantity on this message:
 * cumulative fills come from orderStatus and execDetails.
 */
public record OpenOrder(int orderId, int conId, String symbol, String secType, String exchange, String currency,
                        String localSymbol, String tradingClass, String action, BigDecimal totalQuantity,
                        String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                        String openClose, String orderRef, int clientId, long permId, boolean outsideRth,
                        String status, String goodTillDate, BigDecimal trailStopPrice, BigDecimal trailingPercent)
        implements ServerMessage {

    /** Without GTD/trailing fields; kept so the simulator's existing call site compiles unchanged. */
    public OpenOrder(int orderId, int conId, String symbol, String secType, String exchange, String currency,
                     String localSymbol, String tradingClass, String action, BigDecimal totalQuantity,
                     String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                     String openClose, String orderRef, int clientId, long permId, boolean outsideRth,
                     String status) {
        this(orderId, conId, symbol, secType, exchange, currency, localSymbol, tradingClass, action, totalQuantity,
                orderType, lmtPrice, auxPrice, tif, account, openClose, orderRef, clientId, permId, outsideRth, status,
                null, null, null);
    }

    @Override
    public void write(FieldWriter w, int sv) { OpenOrderLayout.write(this, w, sv); }

    static OpenOrder read(FieldReader r, int sv) { return OpenOrderLayout.read(r, sv); }
}
