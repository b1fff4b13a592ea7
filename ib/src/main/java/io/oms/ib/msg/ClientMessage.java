package io.oms.ib.msg;

import io.oms.ib.wire.FieldWriter;
import java.util.List;

/** A client-to-server request. Encoding depends on the negotiated server version. */
public sealed interface ClientMessage permits StartApi, ReqIds, ReqCurrentTime, PlaceOrder, CancelOrder,
        ReqOpenOrders, ReqAllOpenOrders, ReqExecutions, ReqPositions, ReqManagedAccts, ReqMktData, ReqGlobalCancel,
        ReqCompletedOrders, CancelMktData, ReqMarketDataType {

    void write(FieldWriter w, int serverVersion);

    default List<String> encode(int serverVersion) {
        FieldWriter w = new FieldWriter();
        write(w, serverVersion);
        return w.fields();
    }
}
