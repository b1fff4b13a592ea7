package io.oms.ib.client;

import java.util.List;

/** A ready session: the gateway's accounts, the negotiated version and its first valid order id. */
public record SessionInfo(String connection, List<String> managedAccounts, int serverVersion, int nextValidId) {
    public SessionInfo { managedAccounts = List.copyOf(managedAccounts); }
}
