package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/**
 * REQ_MARKET_DATA_TYPE v1: 1 live, 2 frozen, 3 delayed, 4 delayed-frozen. Applies to later reqMktData
 * calls; the server confirms per ticker with marketDataType.
 */
public record ReqMarketDataType(int marketDataType) implements ClientMessage {
    public static final int LIVE = 1;
    public static final int FROZEN = 2;
    public static final int DELAYED = 3;
    public static final int DELAYED_FROZEN = 4;

    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_MARKET_DATA_TYPE).i(1).i(marketDataType); }

    static ReqMarketDataType read(FieldReader r, int sv) { r.skip(1); return new ReqMarketDataType(r.i()); }
}
