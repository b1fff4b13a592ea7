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
 * The tenant's restricted symbols (table {@code restricted_symbols}). Every statement filters by tenant, so another
 * tenant's restriction of the same symbol is neither seen nor touched.
 */
@Repository
public class RestrictedSymbolRepository {
    /** The list is answered whole, so its length is bounded. */
    public static final int MAX_PER_TENANT = 10_000;
    private static final String COLUMNS = "tenant_id, symbol, reason, created_by, created_at, updated_at";

    /** What an upsert did. */
    public enum Outcome { CREATED, CHANGED, UNCHANGED }

    public record Upserted(Outcome outcome, RestrictedSymbol row) {}

    private final JdbcClient jdbc;

    public RestrictedSymbolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Restricts the symbol, or sets the reason of an existing restriction (its author and creation time stay).
     * Re-adding with the same reason changes nothing, so it is idempotent and reported UNCHANGED.
     */
    public Upserted upsert(String tenantId, String symbol, String reason, String actor, Instant now) {
        Optional<Upserted> written = jdbc.sql("""
                        INSERT INTO restricted_symbols (tenant_id, symbol, reason, created_by, created_at, updated_at)
                        VALUES (:tenantId, :symbol, :reason, :actor, :now, :now)
                        ON CONFLICT (tenant_id, symbol) DO UPDATE SET reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
                        WHERE restricted_symbols.reason IS DISTINCT FROM EXCLUDED.reason
                        RETURNING (xmax = 0) AS inserted, """ + COLUMNS)
                .param("tenantId", tenantId).param("symbol", symbol).param("reason", reason)
                .param("actor", actor).param("now", Timestamps.bind(now))
                .query((rs, n) -> new Upserted(rs.getBoolean("inserted") ? Outcome.CREATED : Outcome.CHANGED, map(rs, n)))
                .optional();
        // No row returned: the restriction exists with this very reason (the conflict's WHERE was false).
        return written.orElseGet(() -> new Upserted(Outcome.UNCHANGED, find(tenantId, symbol).orElseThrow()));
    }

    public Optional<RestrictedSymbol> find(String tenantId, String symbol) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM restricted_symbols WHERE tenant_id = :tenantId AND symbol = :symbol")
                .param("tenantId", tenantId).param("symbol", symbol)
                .query(RestrictedSymbolRepository::map).optional();
    }

    /** The removed restriction; empty when the tenant had none for the symbol. */
    public Optional<RestrictedSymbol> delete(String tenantId, String symbol) {
        return jdbc.sql("DELETE FROM restricted_symbols WHERE tenant_id = :tenantId AND symbol = :symbol RETURNING " + COLUMNS)
                .param("tenantId", tenantId).param("symbol", symbol)
                .query(RestrictedSymbolRepository::map).optional();
    }

    /** By symbol, at most {@value #MAX_PER_TENANT}. */
    public List<RestrictedSymbol> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM restricted_symbols WHERE tenant_id = :tenantId ORDER BY symbol LIMIT "
                        + MAX_PER_TENANT)
                .param("tenantId", tenantId)
                .query(RestrictedSymbolRepository::map).list();
    }

    public int count(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM restricted_symbols WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId).query(Integer.class).single();
    }

    private static RestrictedSymbol map(ResultSet rs, int row) throws SQLException {
        return new RestrictedSymbol(rs.getString("tenant_id"), rs.getString("symbol"), rs.getString("reason"),
                rs.getString("created_by"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
