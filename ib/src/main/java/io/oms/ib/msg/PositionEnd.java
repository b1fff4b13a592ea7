package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** positionEnd v1: the initial position snapshot is complete. */
public record PositionEnd() implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.POSITION_END).i(1); }

    static PositionEnd read(FieldReader r, int sv) { r.skip(1); return new PositionEnd(); }
}
