package io.oms.ib.msg;

import io.oms.ib.wire.FieldWriter;
import java.util.List;

/** A server-to-client message. Encoding depends on the negotiated server version. */
public sealed interface ServerMessage permits ManagedAccounts, NextValidId, CurrentTime, ErrorMessage, OrderStatus,
        OpenOrder, OpenOrderEnd, ExecDetails, ExecDetailsEnd, CommissionReport, Position, PositionEnd,
        TickReqParams, TickPrice, TickSize, TickString, TickGeneric, MarketDataType, OrderBound, CompletedOrder,
        CompletedOrdersEnd {

    void write(FieldWriter w, int serverVersion);

    default List<String> encode(int serverVersion) {
        FieldWriter w = new FieldWriter();
        write(w, serverVersion);
        return w.fields();
    }
}
