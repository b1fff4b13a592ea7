package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/** tickPrice v6: tickType 1 bid, 2 ask, 4 last; attrMask bit0 canAutoExecute, bit1 pastLimit, bit2 preOpen. */
public record TickPrice(int tickerId, int tickType, BigDecimal price, BigDecimal size, int attrMask)
        implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.TICK_PRICE).i(6).i(tickerId).i(tickType).dec(price).dec(size).i(attrMask);
    }

    static TickPrice read(FieldReader r, int sv) {
        r.skip(1);
        return new TickPrice(r.i(), r.i(), r.dec(), r.dec(), r.i());
    }
}
