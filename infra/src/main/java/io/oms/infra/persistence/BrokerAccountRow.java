package io.oms.infra.persistence;

/**
 * A broker account, the tenant and connection it belongs to, and its sync state ({@code PENDING},
 * {@code RECONCILING} or {@code SYNCED}): new orders and modifies are accepted only while it is SYNCED.
 */
public record BrokerAccountRow(String accountCode, String tenantId, String connectionName, String syncState) {
    public static final String SYNCED = "SYNCED";

    /** True when the account's last reconciliation after its session (re)connected has succeeded. */
    public boolean synced() {
        return SYNCED.equals(syncState);
    }
}
