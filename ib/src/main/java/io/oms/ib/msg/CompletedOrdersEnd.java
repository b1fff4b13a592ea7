package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** completedOrdersEnd: closes a reqCompletedOrders answer. It carries no version and no request id. */
public record CompletedOrdersEnd() implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.COMPLETED_ORDERS_END); }

    static CompletedOrdersEnd read(FieldReader r, int sv) { return new CompletedOrdersEnd(); }
}
