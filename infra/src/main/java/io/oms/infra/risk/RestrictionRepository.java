package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenant's restriction lists (tables {@code restricted_symbols} and {@code restricted_accounts}, see
 * {@link RestrictionList}). Every statement filters by tenant, so another tenant's restriction of the same key is
 * neither seen nor touched. Whether an account is the tenant's own is the caller's check
 * ({@link RiskSnapshots#ownsAccount}).
 */
@Repository
public class RestrictionRepository {
    /** Each list is answered whole, so its length is bounded. */
    public static final int MAX_PER_TENANT = 10_000;

    /** What an upsert did. */
    public enum Outcome { CREATED, CHANGED, UNCHANGED }

    public record Upserted(Outcome outcome, Restriction row) {}

    private final JdbcClient jdbc;

    public RestrictionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Restricts the key, or sets the reason of an existing restriction (its author and creation time stay).
     * Re-adding with the same reason changes nothing, so it is idempotent and reported UNCHANGED.
     */
    public Upserted upsert(RestrictionList list, String tenantId, String key, String reason, String actor, Instant now) {
        String table = list.table();
        String column = list.keyColumn();
        Optional<Upserted> written = jdbc.sql("INSERT INTO " + table + " (tenant_id, " + column
                        + ", reason, created_by, created_at, updated_at) VALUES (:tenantId, :key, :reason, :actor, :now, :now)"
                        + " ON CONFLICT (tenant_id, " + column + ") DO UPDATE SET reason = EXCLUDED.reason,"
                        + " updated_at = EXCLUDED.updated_at WHERE " + table + ".reason IS DISTINCT FROM EXCLUDED.reason"
                        + " RETURNING (xmax = 0) AS inserted, " + columns(list))
                .param("tenantId", tenantId).param("key", key).param("reason", reason)
                .param("actor", actor).param("now", Timestamps.bind(now))
                .query((rs, n) -> new Upserted(rs.getBoolean("inserted") ? Outcome.CREATED : Outcome.CHANGED,
                        mapper(list).mapRow(rs, n)))
                .optional();
        // No row returned: the restriction exists with this very reason (the conflict's WHERE was false).
        return written.orElseGet(() -> new Upserted(Outcome.UNCHANGED, find(list, tenantId, key).orElseThrow()));
    }

    public Optional<Restriction> find(RestrictionList list, String tenantId, String key) {
        return jdbc.sql("SELECT " + columns(list) + " FROM " + list.table() + " WHERE tenant_id = :tenantId AND "
                        + list.keyColumn() + " = :key")
                .param("tenantId", tenantId).param("key", key)
                .query(mapper(list)).optional();
    }

    /** The removed restriction; empty when the tenant had none for the key. */
    public Optional<Restriction> delete(RestrictionList list, String tenantId, String key) {
        return jdbc.sql("DELETE FROM " + list.table() + " WHERE tenant_id = :tenantId AND " + list.keyColumn()
                        + " = :key RETURNING " + columns(list))
                .param("tenantId", tenantId).param("key", key)
                .query(mapper(list)).optional();
    }

    /** By key, at most {@value #MAX_PER_TENANT}. */
    public List<Restriction> list(RestrictionList list, String tenantId) {
        return jdbc.sql("SELECT " + columns(list) + " FROM " + list.table() + " WHERE tenant_id = :tenantId ORDER BY "
                        + list.keyColumn() + " LIMIT " + MAX_PER_TENANT)
                .param("tenantId", tenantId)
                .query(mapper(list)).list();
    }

    public int count(RestrictionList list, String tenantId) {
        return jdbc.sql("SELECT count(*) FROM " + list.table() + " WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    private static String columns(RestrictionList list) {
        return "tenant_id, " + list.keyColumn() + ", reason, created_by, created_at, updated_at";
    }

    private static RowMapper<Restriction> mapper(RestrictionList list) {
        return (ResultSet rs, int row) -> map(rs, list.keyColumn());
    }

    private static Restriction map(ResultSet rs, String keyColumn) throws SQLException {
        return new Restriction(rs.getString("tenant_id"), rs.getString(keyColumn), rs.getString("reason"),
                rs.getString("created_by"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
