package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/**
 * orderBound (no version): a manual TWS order (permId) was bound to API clientId/orderId, after
 * reqOpenOrders or reqAutoOpenOrders(true) from client 0. The OMS must key such orders by permId.
 */
public record OrderBound(long permId, int clientId, int orderId) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.ORDER_BOUND).l(permId).i(clientId).i(orderId); }

    static OrderBound read(FieldReader r, int sv) { return new OrderBound(r.l(), r.i(), r.i()); }
}
