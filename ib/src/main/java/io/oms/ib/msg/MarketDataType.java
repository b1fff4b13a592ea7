package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/**
 * marketDataType v1: which kind of data a reqMktData ticker actually gets (1 live, 2 frozen, 3 delayed,
 * 4 delayed-frozen). Sent before the ticks when the data is not live, so prices can be labelled.
 */
public record MarketDataType(int reqId, int marketDataType) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.MARKET_DATA_TYPE).i(1).i(reqId).i(marketDataType); }

    static MarketDataType read(FieldReader r, int sv) { r.skip(1); return new MarketDataType(r.i(), r.i()); }
}
