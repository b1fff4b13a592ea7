package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** openOrderEnd v1: closes a reqOpenOrders / reqAllOpenOrders answer. */
public record OpenOrderEnd() implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.OPEN_ORDER_END).i(1); }

    static OpenOrderEnd read(FieldReader r, int sv) { r.skip(1); return new OpenOrderEnd(); }
}
