package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_MKT_DATA v11 for a plain contract (no combo legs, no delta-neutral contract). */
public record ReqMktData(int tickerId, int conId, String symbol, String secType, String exchange,
                         String primaryExchange, String currency, String genericTickList, boolean snapshot,
                         boolean regulatorySnapshot) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.REQ_MKT_DATA).i(11).i(tickerId).i(conId).str(symbol).str(secType).empty().raw("0.0").empty()
                .empty().str(exchange).str(primaryExchange).str(currency).empty().empty();
        if ("BAG".equals(secType)) w.i(0); // leg count: IB's layout has it for BAG; we carry no legs
        w.i(0) // no delta-neutral contract
                .str(genericTickList).bool(snapshot).bool(regulatorySnapshot).empty();
    }

    static ReqMktData read(FieldReader r, int sv) {
        r.skip(1);
        int tickerId = r.i();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // expiry, strike, right, multiplier
        String exchange = r.str();
        String primary = r.str();
        String currency = r.str();
        r.skip(2); // localSymbol, tradingClass
        if ("BAG".equals(secType)) {
            int legs = r.i();
            r.skip(legs * 4);
        }
        if (r.bool()) r.skip(3);
        return new ReqMktData(tickerId, conId, symbol, secType, exchange, primary, currency, r.str(), r.bool(), r.bool());
    }
}
