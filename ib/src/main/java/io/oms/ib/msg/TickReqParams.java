package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/** tickReqParams (no version): first answer to reqMktData. */
public record TickReqParams(int tickerId, BigDecimal minTick, String bboExchange, int snapshotPermissions)
        implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.TICK_REQ_PARAMS).i(tickerId).dec(minTick).str(bboExchange).i(snapshotPermissions);
    }

    static TickReqParams read(FieldReader r, int sv) { return new TickReqParams(r.i(), r.dec(), r.str(), r.i()); }
}
