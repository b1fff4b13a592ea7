package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;

/** REQ_EXECUTIONS v3: today's executions matching the filter, then execDetailsEnd(reqId). */
public record ReqExecutions(int reqId, ExecutionFilter filter) implements ClientMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.REQ_EXECUTIONS).i(3).i(reqId).i(filter.clientId()).str(filter.acctCode()).str(filter.time())
                .str(filter.symbol()).str(filter.secType()).str(filter.exchange()).str(filter.side());
    }

    static ReqExecutions read(FieldReader r, int sv) {
        r.skip(1);
        int reqId = r.i();
        return new ReqExecutions(reqId, new ExecutionFilter(r.i(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()));
    }
}
