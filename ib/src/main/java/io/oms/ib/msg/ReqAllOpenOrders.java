package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_ALL_OPEN_ORDERS v1: every client's active orders (without binding), then openOrderEnd. */
public record ReqAllOpenOrders() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_ALL_OPEN_ORDERS).i(1); }

    static ReqAllOpenOrders read(FieldReader r, int sv) { r.skip(1); return new ReqAllOpenOrders(); }
}
