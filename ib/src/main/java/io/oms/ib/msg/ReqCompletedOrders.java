package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.ServerVersion;
import io.oms.ib.wire.WireException;

/**
 * REQ_COMPLETED_ORDERS (no version field): today's finished orders as completedOrder messages, then
 * completedOrdersEnd. apiOnly=false also returns orders entered in TWS or by other clients, which is
 * what reconciliation after a reconnect needs.
 */
public record ReqCompletedOrders(boolean apiOnly) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        // IB's client refuses this request below sv 150; failing here beats a silently ignored request.
        if (sv < ServerVersion.COMPLETED_ORDERS) throw new WireException("reqCompletedOrders needs sv >= 150, not " + sv);
        w.i(MsgIds.REQ_COMPLETED_ORDERS).bool(apiOnly);
    }

    static ReqCompletedOrders read(FieldReader r, int sv) { return new ReqCompletedOrders(r.bool()); }
}
