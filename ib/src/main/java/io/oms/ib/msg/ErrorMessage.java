package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.ServerVersion;
import io.oms.ib.wire.TextEscapes;

/**
 * error: id is an order id / request id, or -1 for system notices. Three layouts:
 * sv >= 194 [4, id, code, msg, advancedJson, timeMillis]; 166..193 [4, 2, id, code, msg, advancedJson];
 * below 166 [4, 2, id, code, msg]. Fields absent at a version decode as null / 0.
 */
public record ErrorMessage(int id, int code, String message, String advancedOrderRejectJson, long errorTimeMillis)
        implements ServerMessage {

    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.ERR_MSG);
        if (sv < ServerVersion.ERROR_TIME) w.i(2);
        w.i(id).i(code).str(TextEscapes.escape(message));
        if (sv >= ServerVersion.ADVANCED_REJECT) w.str(advancedOrderRejectJson);
        if (sv >= ServerVersion.ERROR_TIME) w.l(errorTimeMillis);
    }

    static ErrorMessage read(FieldReader r, int sv) {
        if (sv < ServerVersion.ERROR_TIME) r.skip(1);
        int id = r.i();
        int code = r.i();
        String msg = TextEscapes.unescape(r.str());
        String adv = sv >= ServerVersion.ADVANCED_REJECT ? r.str() : null;
        long time = sv >= ServerVersion.ERROR_TIME ? r.l() : 0L;
        return new ErrorMessage(id, code, msg, adv, time);
    }
}
