package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import java.math.BigDecimal;

/**
 * The run of fields that openOrder and completedOrder share, from the contract's conId to the orderRef, read
 * in wire order. One reader for both keeps the two layouts from drifting apart where IB's do not.
 */
record OrderHead(int conId, String symbol, String secType, String exchange, String currency, String localSymbol,
                 String tradingClass, String action, BigDecimal quantity, String orderType, BigDecimal lmtPrice,
                 BigDecimal auxPrice, String tif, String account, String openClose, String orderRef) {

    static OrderHead read(FieldReader r) {
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // lastTradeDate, strike, right, multiplier
        String exchange = r.str();
        String currency = r.str();
        String local = r.str();
        String tclass = r.str();
        String action = r.str();
        BigDecimal qty = r.dec();
        String type = r.str();
        BigDecimal lmt = r.dec();
        BigDecimal aux = r.dec();
        String tif = r.str();
        r.skip(1); // ocaGroup
        String account = r.str();
        String openClose = r.str();
        r.skip(1); // origin
        String ref = r.str();
        return new OrderHead(conId, symbol, secType, exchange, currency, local, tclass, action, qty, type, lmt, aux, tif,
                account, openClose, ref);
    }
}
