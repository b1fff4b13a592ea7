package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** tickString v6: text ticks, e.g. type 45 lastTimestamp (epoch seconds), 48 RTVolume ("px;size;time;..."). */
public record TickString(int tickerId, int tickType, String value) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.TICK_STRING).i(6).i(tickerId).i(tickType).str(value); }

    static TickString read(FieldReader r, int sv) { r.skip(1); return new TickString(r.i(), r.i(), r.str()); }
}
