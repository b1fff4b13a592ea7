package io.oms.server.e2e;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation rows written straight into the tables, as the reconciliation would write them, for tests of the
 * API's reads (which do not need a run to have happened).
 */
record ReconciliationRows(JdbcClient jdbc) {

    UUID run(String tenant, String account, String trigger, String scope, String status, Instant startedAt) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO reconciliation_runs (id, tenant_id, account_code, connection_name, trigger, scope, status,
                            requested_by, started_at, finished_at, compared, findings, repairs, discrepancies,
                            executions_since, cursor_time, cursor_exec_id, error)
                        VALUES (:id, :tenant, :account, 'sim', :trigger, :scope, :status, 'system:broker', :startedAt,
                            :finishedAt, '{"omsOpenOrders":2,"brokerOpenOrders":3,"brokerExecutions":5}'::jsonb, 1, 1, 0,
                            :startedAt, :startedAt, '0000e0d5.6553c0f1.01.01', :error)""")
                .param("id", id).param("tenant", tenant).param("account", account).param("trigger", trigger)
                .param("scope", scope).param("status", status).param("startedAt", Timestamps.bind(startedAt))
                .param("finishedAt", "RUNNING".equals(status) ? null : Timestamps.bind(startedAt.plusMillis(250)))
                .param("error", "FAILED".equals(status) ? "IB session down" : null)
                .update();
        return id;
    }

    UUID finding(UUID runId, String tenant, String account, String kind, String action, Instant foundAt) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO reconciliation_findings (id, run_id, tenant_id, account_code, kind, action, symbol,
                            exec_id, perm_id, oms_value, broker_value, detail, found_at)
                        VALUES (:id, :run, :tenant, :account, :kind, :action, 'AAPL', '0000e0d5.6553c0f1.01.01',
                            1234567890, '100', '150', :detail, :foundAt)""")
                .param("id", id).param("run", runId).param("tenant", tenant).param("account", account)
                .param("kind", kind).param("action", action).param("detail", kind + " in a test")
                .param("foundAt", Timestamps.bind(foundAt))
                .update();
        return id;
    }

    UUID discrepancy(String tenant, String account, String symbol, String status, UUID runId, Instant openedAt) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                        INSERT INTO reconciliation_discrepancies (id, tenant_id, account_code, symbol, status, oms_qty,
                            derived_qty, broker_qty, oms_avg_cost, broker_avg_cost, first_run_id, last_run_id, opened_at,
                            updated_at, resolved_at)
                        VALUES (:id, :tenant, :account, :symbol, :status, 100, 100, 150.50, 187.25, 187.1, :run, :run,
                            :openedAt, :openedAt, :resolvedAt)""")
                .param("id", id).param("tenant", tenant).param("account", account).param("symbol", symbol)
                .param("status", status).param("run", runId).param("openedAt", Timestamps.bind(openedAt))
                .param("resolvedAt", "RESOLVED".equals(status) ? Timestamps.bind(openedAt.plusSeconds(60)) : null)
                .update();
        return id;
    }
}
