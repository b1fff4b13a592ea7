package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** execDetailsEnd v1: closes the reqExecutions answer for reqId. */
public record ExecDetailsEnd(int reqId) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.EXECUTION_DATA_END).i(1).i(reqId); }

    static ExecDetailsEnd read(FieldReader r, int sv) { r.skip(1); return new ExecDetailsEnd(r.i()); }
}
