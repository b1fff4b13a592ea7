package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_POSITIONS v1: a position per holding, then positionEnd. */
public record ReqPositions() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_POSITIONS).i(1); }

    static ReqPositions read(FieldReader r, int sv) { r.skip(1); return new ReqPositions(); }
}
