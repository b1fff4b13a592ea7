package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * PLACE_ORDER for a single-leg contract without algo, conditions or delta-neutral legs: the fields an
 * OMS sets. Everything else goes out with the defaults IB's own client sends (see {@link PlaceOrderLayout}).
 * Null prices/strings mean unset. Reusing the orderId of a working order is a modify.
 * <ul>
 *   <li>STP: auxPrice is the stop; STP LMT: auxPrice stop plus lmtPrice.</li>
 *   <li>TRAIL: auxPrice is the trailing amount, or trailingPercent instead; trailStopPrice optionally pins
 *       the initial stop.</li>
 *   <li>GTD: goodTillDate "yyyyMMdd HH:mm:ss" with an optional zone ("... US/Eastern"), or UTC "yyyyMMdd-HH:mm:ss".</li>
 * </ul>
 * Prefer {@link #builder(int, String)}, which checks these combinations; the record itself accepts anything
 * because it must also represent whatever a client put on the wire.
 */
public record PlaceOrder(int orderId, int conId, String symbol, String secType, String exchange,
                         String primaryExchange, String currency, String action, BigDecimal totalQuantity,
                         String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                         String orderRef, boolean transmit, boolean outsideRth, String goodTillDate,
                         BigDecimal trailStopPrice, BigDecimal trailingPercent) implements ClientMessage {

    public static PlaceOrderBuilder builder(int orderId, String symbol) { return new PlaceOrderBuilder(orderId, symbol); }

    @Override
    public void write(FieldWriter w, int sv) {
        PlaceOrderLayout.write(this, w, sv);
    }

    static PlaceOrder read(FieldReader r, int sv) {
        return PlaceOrderLayout.read(r, sv);
    }
}
