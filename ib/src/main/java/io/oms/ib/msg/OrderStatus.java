package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/** orderStatus (no version since sv 131): cumulative state of one order; filled/remaining are decimals. */
public record OrderStatus(int orderId, String status, BigDecimal filled, BigDecimal remaining, BigDecimal avgFillPrice,
                          long permId, int parentId, BigDecimal lastFillPrice, int clientId, String whyHeld,
                          BigDecimal mktCapPrice) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.ORDER_STATUS).i(orderId).str(status).dec(filled).dec(remaining).dec(avgFillPrice).l(permId)
                .i(parentId).dec(lastFillPrice).i(clientId).str(whyHeld).dec(mktCapPrice);
    }

    static OrderStatus read(FieldReader r, int sv) {
        return new OrderStatus(r.i(), r.str(), r.dec(), r.dec(), r.dec(), r.l(), r.i(), r.dec(), r.i(), r.str(), r.dec());
    }
}
