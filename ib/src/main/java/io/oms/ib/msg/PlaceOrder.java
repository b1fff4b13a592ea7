package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * PLACE_ORDER for a single-leg contract without algo, conditions or delta-neutral legs: the fields an
 * OMS sets. Everything else goes out with the defaults IB's own client sends (see {@link PlaceOrderLayout}).
 * A null lmtPrice/auxPrice means unset. Reusing the orderId of a working order is a modify.
 */
public record PlaceOrder(int orderId, int conId, String symbol, String secType, String exchange,
                         String primaryExchange, String currency, String action, BigDecimal totalQuantity,
                         String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                         String orderRef, boolean transmit, boolean outsideRth) implements ClientMessage {

    @Override
    public void write(FieldWriter w, int sv) {
        PlaceOrderLayout.write(this, w, sv);
    }

    static PlaceOrder read(FieldReader r, int sv) {
        // A server may read only the prefix it needs (fields 1..33); the rest are defaults for us.
        int orderId = r.i();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // lastTradeDate, strike, right, multiplier
        String exchange = r.str();
        String primary = r.str();
        String currency = r.str();
        r.skip(4); // localSymbol, tradingClass, secIdType, secId
        String action = r.str();
        BigDecimal qty = r.dec();
        String type = r.str();
        BigDecimal lmt = r.dec();
        BigDecimal aux = r.dec();
        String tif = r.str();
        r.skip(1); // ocaGroup
        String account = r.str();
        r.skip(2); // openClose, origin
        String ref = r.str();
        boolean transmit = r.bool();
        r.skip(5); // parentId, blockOrder, sweepToFill, displaySize, triggerMethod
        boolean outsideRth = r.bool();
        return new PlaceOrder(orderId, conId, symbol, secType, exchange, primary, currency, action, qty, type, lmt,
                aux, tif, account, ref, transmit, outsideRth);
    }
}
