package io.oms.infra.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Broker connections and the accounts routed through them. */
@Repository
public class BrokerDirectory {
    private final JdbcClient jdbc;

    public BrokerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account, with its sync state, if it belongs to this tenant; another tenant's account is reported as
     * absent. One read serves both the order path's account check and its sync-state gate.
     */
    public Optional<BrokerAccountRow> findAccount(String tenantId, String accountCode) {
        return jdbc.sql("""
                        SELECT account_code, tenant_id, connection_name, sync_state
                        FROM broker_accounts WHERE tenant_id = :tenantId AND account_code = :code""")
                .param("tenantId", tenantId)
                .param("code", accountCode)
                .query((rs, n) -> new BrokerAccountRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Creates the account for the tenant; an existing account keeps its owner. False when it already existed. */
    public boolean ensureAccount(String tenantId, String accountCode, String connectionName) {
        return jdbc.sql("""
                        INSERT INTO broker_accounts (account_code, tenant_id, connection_name) VALUES (:code, :tenantId, :conn)
                        ON CONFLICT (account_code) DO NOTHING""")
                .param("code", accountCode)
                .param("tenantId", tenantId)
                .param("conn", connectionName)
                .update() == 1;
    }

    /** Creates the connection or updates its address and client id (status and high water are kept). */
    public void ensureConnection(String name, String host, int port, int clientId) {
        jdbc.sql("""
                        INSERT INTO broker_connections (name, host, port, client_id) VALUES (:name, :host, :port, :clientId)
                        ON CONFLICT (name) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, client_id = EXCLUDED.client_id""")
                .param("name", name)
                .param("host", host)
                .param("port", port)
                .param("clientId", clientId)
                .update();
    }

    public Optional<BrokerConnectionRow> connection(String name) {
        return jdbc.sql("""
                        SELECT name, host, port, client_id, status, status_detail, status_at, order_id_high_water
                        FROM broker_connections WHERE name = :name""")
                .param("name", name)
                .query((rs, n) -> new BrokerConnectionRow(
                        rs.getString("name"),
                        rs.getString("host"),
                        rs.getObject("port", Integer.class),
                        rs.getObject("client_id", Integer.class),
                        rs.getString("status"),
                        rs.getString("status_detail"),
                        Timestamps.read(rs, "status_at"),
                        rs.getInt("order_id_high_water")))
                .optional();
    }

    /** Records the connection's status now; false when the connection is unknown. */
    public boolean updateStatus(String connection, String status, String detail) {
        return jdbc.sql("UPDATE broker_connections SET status = :status, status_detail = :detail, status_at = now() WHERE name = :name")
                .param("status", status)
                .param("detail", detail)
                .param("name", connection)
                .update() == 1;
    }

    /** The highest order id used or seen on the connection (0 when unknown). */
    public int loadHighWater(String connection) {
        return jdbc.sql("SELECT order_id_high_water FROM broker_connections WHERE name = :name")
                .param("name", connection)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Raises the high water to {@code orderId}; never lowers it. */
    public void advanceHighWater(String connection, int orderId) {
        jdbc.sql("UPDATE broker_connections SET order_id_high_water = GREATEST(order_id_high_water, :orderId) WHERE name = :name")
                .param("orderId", orderId)
                .param("name", connection)
                .update();
    }
}
