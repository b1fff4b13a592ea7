package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.WireException;
import java.util.List;
import java.util.Optional;

/** Decodes client-to-server frames (used by the simulator); unknown ids are reported as empty. */
public final class ClientMessages {
    private ClientMessages() {}

    public static Optional<ClientMessage> decode(List<String> fields, int sv) {
        return decode(new FieldReader(fields), sv);
    }

    /** Package-private so tests can check afterwards that a layout consumed exactly the fields it wrote. */
    static Optional<ClientMessage> decode(FieldReader r, int sv) {
        int id;
        try {
            id = Integer.parseInt(r.next());
        } catch (NumberFormatException e) {
            throw new WireException("bad message id: " + e.getMessage(), e);
        }
        ClientMessage m = switch (id) {
            case MsgIds.START_API -> StartApi.read(r, sv);
            case MsgIds.REQ_IDS -> ReqIds.read(r, sv);
            case MsgIds.REQ_CURRENT_TIME -> ReqCurrentTime.read(r, sv);
            case MsgIds.PLACE_ORDER -> PlaceOrder.read(r, sv);
            case MsgIds.CANCEL_ORDER -> CancelOrder.read(r, sv);
            case MsgIds.REQ_OPEN_ORDERS -> ReqOpenOrders.read(r, sv);
            case MsgIds.REQ_ALL_OPEN_ORDERS -> ReqAllOpenOrders.read(r, sv);
            case MsgIds.REQ_EXECUTIONS -> ReqExecutions.read(r, sv);
            case MsgIds.REQ_POSITIONS -> ReqPositions.read(r, sv);
            case MsgIds.REQ_MANAGED_ACCTS -> ReqManagedAccts.read(r, sv);
            case MsgIds.REQ_MKT_DATA -> ReqMktData.read(r, sv);
            case MsgIds.CANCEL_MKT_DATA -> CancelMktData.read(r, sv);
            case MsgIds.REQ_MARKET_DATA_TYPE -> ReqMarketDataType.read(r, sv);
            case MsgIds.REQ_GLOBAL_CANCEL -> ReqGlobalCancel.read(r, sv);
            case MsgIds.REQ_COMPLETED_ORDERS -> ReqCompletedOrders.read(r, sv);
            default -> null;
        };
        return Optional.ofNullable(m);
    }
}
