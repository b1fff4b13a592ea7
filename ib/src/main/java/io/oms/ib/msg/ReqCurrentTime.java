package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_CURRENT_TIME v1, answered by currentTime (also our liveness probe). */
public record ReqCurrentTime() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_CURRENT_TIME).i(1); }

    static ReqCurrentTime read(FieldReader r, int sv) { r.skip(1); return new ReqCurrentTime(); }
}
