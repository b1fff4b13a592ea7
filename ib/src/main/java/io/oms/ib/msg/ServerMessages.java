package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.WireException;
import java.util.List;
import java.util.Optional;

/** Decodes server-to-client frames; unknown message ids are reported as empty so callers can skip them. */
public final class ServerMessages {
    private ServerMessages() {}

    public static Optional<ServerMessage> decode(List<String> fields, int sv) {
        return decode(new FieldReader(fields), sv);
    }

    /** Package-private so tests can check afterwards that a layout consumed exactly the fields it wrote. */
    static Optional<ServerMessage> decode(FieldReader r, int sv) {
        int id;
        try {
            id = Integer.parseInt(r.next());
        } catch (NumberFormatException e) {
            throw new WireException("bad message id: " + e.getMessage(), e);
        }
        ServerMessage m = switch (id) {
            case MsgIds.MANAGED_ACCTS -> ManagedAccounts.read(r, sv);
            case MsgIds.NEXT_VALID_ID -> NextValidId.read(r, sv);
            case MsgIds.CURRENT_TIME -> CurrentTime.read(r, sv);
            case MsgIds.ERR_MSG -> ErrorMessage.read(r, sv);
            case MsgIds.ORDER_STATUS -> OrderStatus.read(r, sv);
            case MsgIds.OPEN_ORDER -> OpenOrder.read(r, sv);
            case MsgIds.OPEN_ORDER_END -> OpenOrderEnd.read(r, sv);
            case MsgIds.EXECUTION_DATA -> ExecDetails.read(r, sv);
            case MsgIds.EXECUTION_DATA_END -> ExecDetailsEnd.read(r, sv);
            case MsgIds.COMMISSION_AND_FEES_REPORT -> CommissionReport.read(r, sv);
            case MsgIds.POSITION -> Position.read(r, sv);
            case MsgIds.POSITION_END -> PositionEnd.read(r, sv);
            case MsgIds.TICK_REQ_PARAMS -> TickReqParams.read(r, sv);
            case MsgIds.TICK_PRICE -> TickPrice.read(r, sv);
            case MsgIds.TICK_SIZE -> TickSize.read(r, sv);
            case MsgIds.TICK_STRING -> TickString.read(r, sv);
            case MsgIds.TICK_GENERIC -> TickGeneric.read(r, sv);
            case MsgIds.MARKET_DATA_TYPE -> MarketDataType.read(r, sv);
            case MsgIds.ORDER_BOUND -> OrderBound.read(r, sv);
            case MsgIds.COMPLETED_ORDER -> CompletedOrder.read(r, sv);
            case MsgIds.COMPLETED_ORDERS_END -> CompletedOrdersEnd.read(r, sv);
            default -> null;
        };
        return Optional.ofNullable(m);
    }
}
