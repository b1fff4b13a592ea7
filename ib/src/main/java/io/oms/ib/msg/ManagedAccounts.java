package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.util.Arrays;
import java.util.List;

/** managedAccounts v1: comma-separated account list. */
public record ManagedAccounts(List<String> accounts) implements ServerMessage {
    public ManagedAccounts { accounts = List.copyOf(accounts); }

    @Override
    public void write(FieldWriter w, int sv) { w.i(MsgIds.MANAGED_ACCTS).i(1).str(String.join(",", accounts)); }

    static ManagedAccounts read(FieldReader r, int sv) {
        r.skip(1);
        String s = r.str();
        if (s == null) return new ManagedAccounts(List.of());
        return new ManagedAccounts(Arrays.stream(s.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList());
    }
}
