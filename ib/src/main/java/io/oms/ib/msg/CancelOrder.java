package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.ServerVersion;

/**
 * CANCEL_ORDER. Two layouts: from sv 192 there is no version field and the CME tagging fields
 * (extOperator, manualOrderIndicator) follow; before, version 1 and manualOrderCancelTime from 169.
 */
public record CancelOrder(int orderId, String manualOrderCancelTime) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.CANCEL_ORDER);
        if (sv >= ServerVersion.CME_TAGGING) {
            w.i(orderId).str(manualOrderCancelTime).empty().intOrEmpty(Integer.MAX_VALUE);
            return;
        }
        w.i(1).i(orderId);
        if (sv >= ServerVersion.MANUAL_ORDER_TIME) w.str(manualOrderCancelTime);
        if (sv >= ServerVersion.RFQ_FIELDS && sv < ServerVersion.UNDO_RFQ_FIELDS) {
            w.empty().empty().intOrEmpty(Integer.MAX_VALUE);
        }
    }

    static CancelOrder read(FieldReader r, int sv) {
        if (sv >= ServerVersion.CME_TAGGING) {
            return new CancelOrder(r.i(), r.hasMore() ? r.str() : null);
        }
        r.skip(1);
        int id = r.i();
        String time = sv >= ServerVersion.MANUAL_ORDER_TIME && r.hasMore() ? r.str() : null;
        return new CancelOrder(id, time);
    }
}
