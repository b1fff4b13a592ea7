package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** currentTime v1 in epoch seconds. */
public record CurrentTime(long epochSeconds) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.CURRENT_TIME).i(1).l(epochSeconds); }

    static CurrentTime read(FieldReader r, int sv) { r.skip(1); return new CurrentTime(r.l()); }
}
