package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_OPEN_ORDERS v1: this client's active orders, then openOrderEnd. */
public record ReqOpenOrders() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_OPEN_ORDERS).i(1); }

    static ReqOpenOrders read(FieldReader r, int sv) { r.skip(1); return new ReqOpenOrders(); }
}
