package io.oms.infra.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code orders} read model, written by the ledger activity and read by the API. */
@Repository
public class OrderRepository {
    static final String COLUMNS = """
            id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price, stop_price,
            trail_amount, trail_percent, tif, expire_at, outside_rth, state, filled_quantity, avg_fill_price,
            broker_order_id, perm_id, reject_reason, version, created_at, updated_at, strategy, placed_by,
            risk_denials::text AS risk_denials, origin""";
    private static final String INSERT_COLUMNS = COLUMNS.replace("risk_denials::text AS risk_denials", "risk_denials");

    private static final String UPSERT = """
            INSERT INTO orders (%s)
            VALUES (:id, :tenantId, :clientOrderId, :account, :symbol, :side, :type, :quantity, :limitPrice,
                    :stopPrice, :trailAmount, :trailPercent, :tif, :expireAt, :outsideRth, :state, :filledQuantity,
                    :avgFillPrice, :brokerOrderId, :permId, :rejectReason, :version, :createdAt, :updatedAt, :strategy,
                    :placedBy, CAST(:riskDenials AS jsonb), :origin)
            ON CONFLICT (id) DO UPDATE SET
                state = EXCLUDED.state, filled_quantity = EXCLUDED.filled_quantity,
                avg_fill_price = EXCLUDED.avg_fill_price, broker_order_id = EXCLUDED.broker_order_id,
                perm_id = EXCLUDED.perm_id, reject_reason = EXCLUDED.reject_reason, version = EXCLUDED.version,
                limit_price = EXCLUDED.limit_price, quantity = EXCLUDED.quantity, stop_price = EXCLUDED.stop_price,
                trail_amount = EXCLUDED.trail_amount, trail_percent = EXCLUDED.trail_percent, tif = EXCLUDED.tif,
                expire_at = EXCLUDED.expire_at, outside_rth = EXCLUDED.outside_rth, updated_at = EXCLUDED.updated_at,
                risk_denials = COALESCE(EXCLUDED.risk_denials, orders.risk_denials)
            WHERE orders.version < EXCLUDED.version AND orders.tenant_id = EXCLUDED.tenant_id""".formatted(INSERT_COLUMNS);

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the order if it is new or its version is higher than the stored one; a replay of the same or an
     * older version changes nothing. Call inside a transaction: the previous row is locked until it ends.
     *
     * @throws DuplicateClientOrderIdException when another order of the tenant holds the client order id
     */
    public OrderUpsert upsertState(OrderRow order) {
        Optional<OrderRow> previous = jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id AND tenant_id = :tenantId FOR UPDATE")
                .param("id", order.id())
                .param("tenantId", order.tenantId())
                .query(OrderRepository::map)
                .optional();
        try {
            int rows = jdbc.sql(UPSERT)
                    .param("id", order.id())
                    .param("tenantId", order.tenantId())
                    .param("clientOrderId", order.clientOrderId())
                    .param("account", order.account())
                    .param("symbol", order.symbol())
                    .param("side", order.side())
                    .param("type", order.type())
                    .param("quantity", order.quantity())
                    .param("limitPrice", order.limitPrice())
                    .param("stopPrice", order.stopPrice())
                    .param("trailAmount", order.trailAmount())
                    .param("trailPercent", order.trailPercent())
                    .param("tif", order.timeInForce())
                    .param("expireAt", Timestamps.bind(order.expireAt()))
                    .param("outsideRth", order.outsideRth())
                    .param("state", order.state())
                    .param("filledQuantity", order.filledQuantity())
                    .param("avgFillPrice", order.avgFillPrice())
                    .param("brokerOrderId", order.brokerOrderId())
                    .param("permId", order.permId())
                    .param("rejectReason", order.rejectReason())
                    .param("version", order.version())
                    .param("createdAt", Timestamps.bind(order.createdAt()))
                    .param("updatedAt", Timestamps.bind(order.updatedAt()))
                    .param("strategy", order.strategy())
                    .param("placedBy", order.placedBy())
                    .param("riskDenials", order.riskDenials())
                    .param("origin", order.origin())
                    .update();
            return new OrderUpsert(rows == 1, previous);
        } catch (DuplicateKeyException e) {
            if (e.getMessage() != null && e.getMessage().contains("orders_tenant_client_order_id_key")) {
                throw new DuplicateClientOrderIdException(order.tenantId(), order.clientOrderId());
            }
            throw e;
        }
    }

    public Optional<OrderRow> findById(String tenantId, UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId)
                .param("id", orderId)
                .query(OrderRepository::map)
                .optional();
    }

    public Optional<OrderRow> findByClientOrderId(String tenantId, String clientOrderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :tenantId AND client_order_id = :cid")
                .param("tenantId", tenantId)
                .param("cid", clientOrderId)
                .query(OrderRepository::map)
                .optional();
    }

    /** Newest first; {@code before} is the cursor (ids strictly below it), {@code limit} is clamped to 1..1000. */
    public List<OrderRow> list(String tenantId, Optional<String> state, Optional<UUID> before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :tenantId");
        state.ifPresent(s -> sql.append(" AND state = :state"));
        before.ifPresent(b -> sql.append(" AND id < :before"));
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var spec = jdbc.sql(sql.toString())
                .param("tenantId", tenantId)
                .param("limit", Math.max(1, Math.min(limit, 1000)));
        if (state.isPresent()) {
            spec = spec.param("state", state.get());
        }
        if (before.isPresent()) {
            spec = spec.param("before", before.get());
        }
        return spec.query(OrderRepository::map).list();
    }

    static OrderRow map(ResultSet rs, int rowNum) throws SQLException {
        return new OrderRow(
                rs.getObject("id", UUID.class),
                rs.getString("tenant_id"),
                rs.getString("client_order_id"),
                rs.getString("account"),
                rs.getString("symbol"),
                rs.getString("side"),
                rs.getString("type"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("limit_price"),
                rs.getBigDecimal("stop_price"),
                rs.getBigDecimal("trail_amount"),
                rs.getBigDecimal("trail_percent"),
                rs.getString("tif"),
                Timestamps.read(rs, "expire_at"),
                rs.getBoolean("outside_rth"),
                rs.getString("state"),
                rs.getBigDecimal("filled_quantity"),
                rs.getBigDecimal("avg_fill_price"),
                rs.getObject("broker_order_id", Integer.class),
                rs.getObject("perm_id", Long.class),
                rs.getString("reject_reason"),
                rs.getLong("version"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                rs.getString("strategy"),
                rs.getString("placed_by"),
                rs.getString("risk_denials"),
                rs.getString("origin"));
    }
}
