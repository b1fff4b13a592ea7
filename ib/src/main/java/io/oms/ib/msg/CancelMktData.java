package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** CANCEL_MKT_DATA v1: stops the reqMktData stream of tickerId (frees a market-data line). */
public record CancelMktData(int tickerId) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.CANCEL_MKT_DATA).i(1).i(tickerId); }

    static CancelMktData read(FieldReader r, int sv) { r.skip(1); return new CancelMktData(r.i()); }
}
