package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** nextValidId v1: the lowest order id this client may use next. */
public record NextValidId(int orderId) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.NEXT_VALID_ID).i(1).i(orderId); }

    static NextValidId read(FieldReader r, int sv) { r.skip(1); return new NextValidId(r.i()); }
}
