package io.oms.infra.reconcile;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends a run's findings. */
@Repository
public class FindingWriter {
    private final JdbcClient jdbc;

    public FindingWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID add(UUID runId, String tenantId, String account, Finding f, Instant at) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO reconciliation_findings (id, run_id, tenant_id, account_code, kind, action, order_id, symbol,
                                                             exec_id, perm_id, oms_value, broker_value, detail, found_at)
                        VALUES (:id, :run, :t, :a, :kind, :action, :order, :symbol, :exec, :perm, :oms, :broker, :detail, :at)""")
                .param("id", id)
                .param("run", runId)
                .param("t", tenantId)
                .param("a", account)
                .param("kind", f.kind())
                .param("action", f.action())
                .param("order", f.orderId(), Types.OTHER)
                .param("symbol", f.symbol())
                .param("exec", f.execId())
                .param("perm", f.permId(), Types.BIGINT)
                .param("oms", f.omsValue())
                .param("broker", f.brokerValue())
                .param("detail", f.detail())
                .param("at", Timestamps.bind(at))
                .update();
        return id;
    }
}
