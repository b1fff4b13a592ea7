package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/** tickSize v6: tickType 0 bidSize, 3 askSize, 5 lastSize, 8 volume. */
public record TickSize(int tickerId, int tickType, BigDecimal size) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.TICK_SIZE).i(6).i(tickerId).i(tickType).dec(size); }

    static TickSize read(FieldReader r, int sv) { r.skip(1); return new TickSize(r.i(), r.i(), r.dec()); }
}
