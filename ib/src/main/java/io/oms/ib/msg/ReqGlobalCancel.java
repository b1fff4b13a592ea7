package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.ServerVersion;

/**
 * REQ_GLOBAL_CANCEL: cancels every open order of the account, whichever client placed it. From sv 192
 * the version field is gone and the CME tagging pair (extOperator, manualOrderIndicator) follows; like
 * {@link CancelOrder} we always send them unset ('' and IB's literal 2147483647), as IB's client does.
 */
public record ReqGlobalCancel() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.REQ_GLOBAL_CANCEL);
        if (sv >= ServerVersion.CME_TAGGING) {
            w.empty().i(Integer.MAX_VALUE);
        } else {
            w.i(1);
        }
    }

    // Nothing to read: the fields after the id are either the version or the unset tagging pair.
    static ReqGlobalCancel read(FieldReader r, int sv) { return new ReqGlobalCancel(); }
}
