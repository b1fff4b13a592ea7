package io.oms.server.e2e;

import io.oms.workflows.reconcile.ReconcileInput;
import io.oms.workflows.reconcile.ReconcileRequest;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.ReconciliationClient;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test access to reconciliation runs: ask for one, wait for one, read what it found. */
record Reconciliations(JdbcClient jdbc, WorkflowClient client) {
    static final Duration WAIT = Duration.ofSeconds(45);

    record Run(UUID id, String trigger, String scope, String status, int findings, int repairs, int discrepancies,
               String error) {}

    record Found(String kind, String action, UUID orderId, String symbol, String execId, Long permId, String omsValue,
                 String brokerValue, String detail) {}

    static Reconciliations of(ApplicationContext context) {
        return new Reconciliations(context.getBean(JdbcClient.class), context.getBean(WorkflowClient.class));
    }

    /** Asks for a full run of {@code account} and waits until one requested after now has finished. */
    Run fullRun(String account) {
        Instant asked = Instant.now();
        ReconciliationClient.request(client, new ReconcileInput(account, "sim"),
                new ReconcileRequest(ReconcileTrigger.MANUAL, "test"));
        return awaitRun(account, "MANUAL", asked);
    }

    /** Waits for a finished run of the account with this trigger that started at or after {@code since}. */
    Run awaitRun(String account, String trigger, Instant since) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Run> run = jdbc.sql("""
                            SELECT id, trigger, scope, status, findings, repairs, discrepancies, error FROM reconciliation_runs
                            WHERE account_code = :a AND trigger = :t AND started_at >= :since AND status <> 'RUNNING'
                            ORDER BY started_at DESC LIMIT 1""")
                    .param("a", account).param("t", trigger).param("since", java.sql.Timestamp.from(since.minusMillis(5)))
                    .query((rs, n) -> new Run(rs.getObject("id", UUID.class), rs.getString("trigger"), rs.getString("scope"),
                            rs.getString("status"), rs.getInt("findings"), rs.getInt("repairs"), rs.getInt("discrepancies"),
                            rs.getString("error")))
                    .optional();
            if (run.isPresent()) {
                return run.get();
            }
            sleep(100);
        }
        throw new AssertionError("no " + trigger + " reconciliation of " + account + " finished within " + WAIT);
    }

    /** Waits until the account accepts orders again (its full run after a (re)connect succeeded). */
    void awaitSynced(String account) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"SYNCED".equals(syncState(account))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(account + " not SYNCED within " + WAIT + ": " + syncState(account));
            }
            sleep(50);
        }
    }

    String syncState(String account) {
        return jdbc.sql("SELECT sync_state FROM broker_accounts WHERE account_code = :a").param("a", account)
                .query(String.class).single();
    }

    List<Found> findings(UUID runId) {
        return jdbc.sql("""
                        SELECT kind, action, order_id, symbol, exec_id, perm_id, oms_value, broker_value, detail
                        FROM reconciliation_findings WHERE run_id = :r ORDER BY id""")
                .param("r", runId)
                .query((rs, n) -> new Found(rs.getString("kind"), rs.getString("action"), rs.getObject("order_id", UUID.class),
                        rs.getString("symbol"), rs.getString("exec_id"), rs.getObject("perm_id", Long.class),
                        rs.getString("oms_value"), rs.getString("broker_value"), rs.getString("detail")))
                .list();
    }

    Map<String, Object> discrepancy(String account, String symbol) {
        return jdbc.sql("""
                        SELECT status, oms_qty, broker_qty, derived_qty FROM reconciliation_discrepancies
                        WHERE account_code = :a AND symbol = :s ORDER BY opened_at DESC LIMIT 1""")
                .param("a", account).param("s", symbol).query().singleRow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
