package io.oms.infra.risk;

/**
 * The tenant's two restriction lists. The table and key column are constants here and are spliced into SQL, so they
 * must never come from user input; the key is the value a restriction is unique by within a tenant.
 */
public enum RestrictionList {
    /** Symbols the tenant may not trade (read by the RESTRICTED_SYMBOL rule). */
    SYMBOLS("restricted_symbols", "symbol"),
    /** The tenant's own accounts it blocks from trading (read by the RESTRICTED_ACCOUNT rule). */
    ACCOUNTS("restricted_accounts", "account");

    private final String table;
    private final String keyColumn;

    RestrictionList(String table, String keyColumn) {
        this.table = table;
        this.keyColumn = keyColumn;
    }

    String table() {
        return table;
    }

    String keyColumn() {
        return keyColumn;
    }
}
