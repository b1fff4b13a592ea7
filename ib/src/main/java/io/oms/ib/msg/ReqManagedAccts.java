package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_MANAGED_ACCTS v1, answered by managedAccounts. */
public record ReqManagedAccts() implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.REQ_MANAGED_ACCTS).i(1); }

    static ReqManagedAccts read(FieldReader r, int sv) { r.skip(1); return new ReqManagedAccts(); }
}
