package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_IDS v1; TWS ignores numIds and answers with nextValidId. */
public record ReqIds(int numIds) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_IDS).i(1).i(numIds); }

    static ReqIds read(FieldReader r, int sv) { r.skip(1); return new ReqIds(r.i()); }
}
