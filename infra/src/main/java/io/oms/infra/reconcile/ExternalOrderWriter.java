package io.oms.infra.reconcile;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imports orders placed outside the OMS as EXTERNAL orders (keyed by account and permId) and keeps their state and
 * filled quantity as IB reports them. They have no workflow: the OMS shows them and books their fills, but cannot
 * cancel or modify them (only the client that placed them, or a global cancel, can).
 */
@Repository
public class ExternalOrderWriter {
    /** The import's outcome: the order's id, and its state before (empty when this call created it). */
    public record Imported(UUID id, Optional<String> previousState) {
        public boolean created() {
            return previousState.isEmpty();
        }
    }

    private final JdbcClient jdbc;

    public ExternalOrderWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Imported upsert(ExternalOrder o, String actor, Instant at) {
        Optional<String[]> existing = jdbc.sql("""
                        SELECT id, state FROM orders WHERE account = :a AND perm_id = :perm AND origin = 'EXTERNAL' FOR UPDATE""")
                .param("a", o.account()).param("perm", o.permId())
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("state")})
                .optional();
        if (existing.isPresent()) {
            UUID id = UUID.fromString(existing.get()[0]);
            jdbc.sql("""
                            UPDATE orders SET state = :state, filled_quantity = GREATEST(filled_quantity, :filled),
                                   version = version + 1, updated_at = :at
                            WHERE id = :id AND (state <> :state OR filled_quantity < :filled)""")
                    .param("id", id).param("state", o.state()).param("filled", o.filled()).param("at", Timestamps.bind(at))
                    .update();
            return new Imported(id, Optional.of(existing.get()[1]));
        }
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price,
                                            tif, state, filled_quantity, broker_order_id, perm_id, version, created_at,
                                            updated_at, placed_by, origin)
                        VALUES (:id, :t, :cid, :a, :symbol, :side, :type, :qty, :limit, :tif, :state, :filled, :oid, :perm, 1,
                                :at, :at, :by, 'EXTERNAL')""")
                .param("id", id).param("t", o.tenantId()).param("cid", o.clientOrderId()).param("a", o.account())
                .param("symbol", o.symbol()).param("side", o.side()).param("type", o.type())
                .param("qty", o.quantity()).param("limit", o.limitPrice(), Types.NUMERIC).param("tif", o.tif())
                .param("state", o.state()).param("filled", o.filled())
                .param("oid", o.brokerOrderId(), Types.INTEGER).param("perm", o.permId())
                .param("at", Timestamps.bind(at)).param("by", actor)
                .update();
        return new Imported(id, Optional.empty());
    }
}
