package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code executions} ledger: each (account, execId) at most once. */
@Repository
public class ExecutionRepository {
    private static final String COLUMNS =
            "exec_id, account, symbol, side, quantity, price, exchange, executed_at, commission, commission_currency";

    private final JdbcClient jdbc;

    public ExecutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the fill unless its (account, execId) is already recorded; true when inserted. */
    public boolean insertIfAbsent(NewExecution e) {
        return jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, symbol, side, quantity, price,
                                                exchange, broker_order_id, perm_id, executed_at)
                        VALUES (:id, :tenantId, :orderId, :account, :execId, :symbol, :side, :quantity, :price,
                                :exchange, :brokerOrderId, :permId, :executedAt)
                        ON CONFLICT (account, exec_id) DO NOTHING""")
                .param("id", UuidV7.next())
                .param("tenantId", e.tenantId())
                .param("orderId", e.orderId())
                .param("account", e.account())
                .param("execId", e.execId())
                .param("symbol", e.symbol())
                .param("side", e.side())
                .param("quantity", e.quantity())
                .param("price", e.price())
                .param("exchange", e.exchange())
                .param("brokerOrderId", e.brokerOrderId())
                .param("permId", e.permId())
                .param("executedAt", Timestamps.bind(e.executedAt()))
                .update() == 1;
    }

    /**
     * Sets the commission of a recorded fill unless it is already set. Returns false when it was already set
     * or the fill is not (yet) recorded.
     */
    public boolean setCommission(String tenantId, String account, String execId, BigDecimal commission, String currency) {
        return jdbc.sql("""
                        UPDATE executions SET commission = :commission, commission_currency = :currency
                        WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId AND commission IS NULL""")
                .param("commission", commission)
                .param("currency", currency)
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .update() == 1;
    }

    /** The order an execution was recorded for, whichever tenant owns it (exec ids are unique per account). */
    public Optional<UUID> orderOf(String account, String execId) {
        return jdbc.sql("SELECT order_id FROM executions WHERE account = :account AND exec_id = :execId")
                .param("account", account)
                .param("execId", execId)
                .query(UUID.class)
                .optional();
    }

    public Optional<ExecutionRow> find(String tenantId, String account, String execId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM executions WHERE tenant_id = :tenantId AND account = :account AND exec_id = :execId")
                .param("tenantId", tenantId)
                .param("account", account)
                .param("execId", execId)
                .query(ExecutionRepository::map)
                .optional();
    }

    /** The fills of one order, oldest first. */
    public List<ExecutionRow> listByOrder(String tenantId, UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM executions WHERE tenant_id = :tenantId AND order_id = :orderId ORDER BY executed_at, id")
                .param("tenantId", tenantId)
                .param("orderId", orderId)
                .query(ExecutionRepository::map)
                .list();
    }

    private static ExecutionRow map(ResultSet rs, int rowNum) throws SQLException {
        return new ExecutionRow(
                rs.getString("exec_id"),
                rs.getString("account"),
                rs.getString("symbol"),
                rs.getString("side"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("price"),
                rs.getString("exchange"),
                Timestamps.read(rs, "executed_at"),
                rs.getBigDecimal("commission"),
                rs.getString("commission_currency"));
    }
}
