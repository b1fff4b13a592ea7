package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * tickGeneric v6: numeric ticks that are neither prices nor sizes, e.g. type 49 halted (0/1/2). IB
 * sends a double; we keep its decimal text exactly (null when the field is empty or IB's unset value).
 */
public record TickGeneric(int tickerId, int tickType, BigDecimal value) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.TICK_GENERIC).i(6).i(tickerId).i(tickType).dec(value); }

    static TickGeneric read(FieldReader r, int sv) { r.skip(1); return new TickGeneric(r.i(), r.i(), r.dec()); }
}
