package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.sql.Types;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Broker events that no order claimed, kept as reconciliation input rather than dropped. */
@Repository
public class UnmatchedBrokerEventRepository {
    private final JdbcClient jdbc;

    public UnmatchedBrokerEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one event; {@code payloadJson} must be a JSON document. Returns the new row's id. */
    public UUID record(String connection, String kind, String orderRef, Integer brokerOrderId, String execId, String payloadJson) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO unmatched_broker_events (id, connection_name, kind, order_ref, broker_order_id, exec_id, payload)
                        VALUES (:id, :connection, :kind, :orderRef, :brokerOrderId, :execId, CAST(:payload AS jsonb))""")
                .param("id", id)
                .param("connection", connection)
                .param("kind", kind)
                .param("orderRef", orderRef)
                .param("brokerOrderId", brokerOrderId, Types.INTEGER)
                .param("execId", execId)
                .param("payload", payloadJson, Types.VARCHAR)
                .update();
        return id;
    }

    public long countByConnection(String connection) {
        return jdbc.sql("SELECT count(*) FROM unmatched_broker_events WHERE connection_name = :connection")
                .param("connection", connection)
                .query(Long.class)
                .single();
    }
}
