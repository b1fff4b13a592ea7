package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** START_API v2: binds the session to a client id; optionalCapabilities is sent from sv 72. */
public record StartApi(int clientId, String optionalCapabilities) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.START_API).i(2).i(clientId).str(optionalCapabilities);
    }

    static StartApi read(FieldReader r, int sv) {
        r.skip(1); // version
        return new StartApi(r.i(), r.hasMore() ? r.str() : null);
    }
}
