package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts the tenant blocks from trading (table {@code restricted_accounts}). Every statement filters by
 * tenant. Whether the account is the tenant's own is the caller's check ({@link RiskSnapshots#ownsAccount}).
 */
@Repository
public class RestrictedAccountRepository {
    /** The list is answered whole, so its length is bounded. */
    public static final int MAX_PER_TENANT = 10_000;
    private static final String COLUMNS = "tenant_id, account, reason, created_by, created_at, updated_at";

    /** What an upsert did. */
    public enum Outcome { CREATED, CHANGED, UNCHANGED }

    public record Upserted(Outcome outcome, RestrictedAccount row) {}

    private final JdbcClient jdbc;

    public RestrictedAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Restricts the account, or sets the reason of an existing restriction (its author and creation time stay).
     * Re-adding with the same reason changes nothing, so it is idempotent and reported UNCHANGED.
     */
    public Upserted upsert(String tenantId, String account, String reason, String actor, Instant now) {
        Optional<Upserted> written = jdbc.sql("""
                        INSERT INTO restricted_accounts (tenant_id, account, reason, created_by, created_at, updated_at)
                        VALUES (:tenantId, :account, :reason, :actor, :now, :now)
                        ON CONFLICT (tenant_id, account) DO UPDATE SET reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
                        WHERE restricted_accounts.reason IS DISTINCT FROM EXCLUDED.reason
                        RETURNING (xmax = 0) AS inserted, """ + COLUMNS)
                .param("tenantId", tenantId).param("account", account).param("reason", reason)
                .param("actor", actor).param("now", Timestamps.bind(now))
                .query((rs, n) -> new Upserted(rs.getBoolean("inserted") ? Outcome.CREATED : Outcome.CHANGED, map(rs, n)))
                .optional();
        // No row returned: the restriction exists with this very reason (the conflict's WHERE was false).
        return written.orElseGet(() -> new Upserted(Outcome.UNCHANGED, find(tenantId, account).orElseThrow()));
    }

    public Optional<RestrictedAccount> find(String tenantId, String account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM restricted_accounts WHERE tenant_id = :tenantId AND account = :account")
                .param("tenantId", tenantId).param("account", account)
                .query(RestrictedAccountRepository::map).optional();
    }

    /** The removed restriction; empty when the tenant had none for the account. */
    public Optional<RestrictedAccount> delete(String tenantId, String account) {
        return jdbc.sql("DELETE FROM restricted_accounts WHERE tenant_id = :tenantId AND account = :account RETURNING " + COLUMNS)
                .param("tenantId", tenantId).param("account", account)
                .query(RestrictedAccountRepository::map).optional();
    }

    /** By account, at most {@value #MAX_PER_TENANT}. */
    public List<RestrictedAccount> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM restricted_accounts WHERE tenant_id = :tenantId ORDER BY account LIMIT "
                        + MAX_PER_TENANT)
                .param("tenantId", tenantId)
                .query(RestrictedAccountRepository::map).list();
    }

    public int count(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM restricted_accounts WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    private static RestrictedAccount map(ResultSet rs, int row) throws SQLException {
        return new RestrictedAccount(rs.getString("tenant_id"), rs.getString("account"), rs.getString("reason"),
                rs.getString("created_by"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
