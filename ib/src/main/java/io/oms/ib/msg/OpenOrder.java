package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * openOrder (no version since sv 145): the fields an OMS needs, including OrderState.status. Encoding
 * writes every other field with neutral defaults (see {@link OpenOrderLayout}); decoding reads up to
 * status and skips the variable-length groups before it, ignoring everything after.
 */
public record OpenOrder(int orderId, int conId, String symbol, String secType, String exchange, String currency,
                        String localSymbol, String tradingClass, String action, BigDecimal totalQuantity,
                        String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                        String openClose, String orderRef, int clientId, long permId, boolean outsideRth,
                        String status) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { OpenOrderLayout.write(this, w, sv); }

    static OpenOrder read(FieldReader r, int sv) { return OpenOrderLayout.read(r, sv); }
}
