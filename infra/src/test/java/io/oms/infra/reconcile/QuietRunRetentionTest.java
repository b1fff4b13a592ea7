package io.oms.infra.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.BrokerDirectory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention of reconciliation runs: only an account's expired quiet periodic runs are deleted, oldest first. */
class QuietRunRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(7));
    private static final Instant OLD = NOW.minus(Duration.ofDays(8));

    private final TestDb db = TestDb.get();
    private final ReconciliationRunWriter runs = new ReconciliationRunWriter(db.jdbc);
    private final BrokerDirectory brokers = new BrokerDirectory(db.jdbc);
    private final String connection = "c-" + TestDb.randomHex(4);
    private final String tenant = db.newTenant();
    private final String account;

    QuietRunRetentionTest() {
        brokers.ensureConnection(connection, "127.0.0.1", 4002, 7);
        account = account(tenant);
    }

    @Test
    void deletesTheAccountsExpiredQuietChecksAndKeepsEveryOtherRun() {
        UUID quietOpenOrders = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD);
        UUID quietPositions = run(account, "POSITIONS", "SUCCEEDED", 0, OLD.plusSeconds(60));
        UUID recentQuiet = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, NOW.minus(Duration.ofDays(1)));
        UUID full = run(account, "FULL", "SUCCEEDED", 0, OLD);
        UUID failed = run(account, "OPEN_ORDERS", "FAILED", 0, OLD);
        UUID found = run(account, "POSITIONS", "SUCCEEDED", 1, OLD);
        UUID running = run(account, "OPEN_ORDERS", "RUNNING", 0, null);
        UUID namedByDiscrepancy = run(account, "POSITIONS", "SUCCEEDED", 0, OLD);
        discrepancy(full, namedByDiscrepancy);
        UUID accountsLatest = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD.plusSeconds(120));
        db.jdbc.sql("UPDATE broker_accounts SET last_run_id = :run WHERE account_code = :a")
                .param("run", accountsLatest).param("a", account).update();
        String otherAccount = account(tenant);
        UUID otherAccountsQuiet = run(otherAccount, "OPEN_ORDERS", "SUCCEEDED", 0, OLD);

        assertThat(runs.pruneQuiet(tenant, account, CUTOFF, 100)).isEqualTo(2);

        assertThat(runs.find(quietOpenOrders)).isEmpty();
        assertThat(runs.find(quietPositions)).isEmpty();
        for (UUID kept : List.of(recentQuiet, full, failed, found, running, namedByDiscrepancy, accountsLatest,
                otherAccountsQuiet)) {
            assertThat(runs.find(kept)).as("run %s", kept).isPresent();
        }
    }

    @Test
    void anotherTenantCannotPruneTheAccountsRuns() {
        UUID quiet = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD);
        assertThat(runs.pruneQuiet(db.newTenant(), account, CUTOFF, 100)).isZero();
        assertThat(runs.find(quiet)).isPresent();
    }

    @Test
    void deletesABacklogInBatchesOldestFirst() {
        UUID oldest = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD.minus(Duration.ofDays(3)));
        UUID older = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD.minus(Duration.ofDays(2)));
        UUID old = run(account, "OPEN_ORDERS", "SUCCEEDED", 0, OLD);

        assertThat(runs.pruneQuiet(tenant, account, CUTOFF, 2)).isEqualTo(2);
        assertThat(runs.find(oldest)).isEmpty();
        assertThat(runs.find(older)).isEmpty();
        assertThat(runs.find(old)).isPresent();
        assertThat(runs.pruneQuiet(tenant, account, CUTOFF, 2)).isEqualTo(1);
        assertThat(runs.pruneQuiet(tenant, account, CUTOFF, 2)).isZero();
    }

    private String account(String owner) {
        String code = "DU" + TestDb.randomHex(4);
        brokers.ensureAccount(owner, code, connection);
        return code;
    }

    /** A run as the writer leaves it; a run with findings has its finding row, as the reconciler writes them. */
    private UUID run(String code, String scope, String status, int findings, Instant finishedAt) {
        UUID id = UUID.randomUUID();
        Instant started = finishedAt == null ? NOW : finishedAt.minusSeconds(1);
        runs.open(new RunRecord(id, tenant, code, connection, scope.equals("FULL") ? "CONNECT" : "SCHEDULE", scope,
                "reconciliation", started, null));
        if (status.equals("SUCCEEDED")) {
            runs.succeed(id, "{}", findings, 0, 0, null, null, finishedAt);
        } else if (status.equals("FAILED")) {
            runs.fail(id, "IB session is not connected", finishedAt);
        }
        if (findings > 0) {
            db.jdbc.sql("""
                            INSERT INTO reconciliation_findings (id, run_id, tenant_id, account_code, kind, action, detail, found_at)
                            VALUES (:id, :run, :t, :a, 'MISSED_FILL', 'APPLIED', 'a fill IB reported', :at)""")
                    .param("id", UUID.randomUUID()).param("run", id).param("t", tenant).param("a", code)
                    .param("at", Timestamp.from(finishedAt)).update();
        }
        return id;
    }

    /** A resolved discrepancy that a quiet run closed: that run stays, as the discrepancy's last run. */
    private void discrepancy(UUID firstRun, UUID lastRun) {
        db.jdbc.sql("""
                        INSERT INTO reconciliation_discrepancies (id, tenant_id, account_code, symbol, status, oms_qty,
                                derived_qty, broker_qty, first_run_id, last_run_id, opened_at, updated_at, resolved_at)
                        VALUES (:id, :t, :a, 'AAPL', 'RESOLVED', 10, 10, 10, :first, :last, :at, :at, :at)""")
                .param("id", UUID.randomUUID()).param("t", tenant).param("a", account)
                .param("first", firstRun).param("last", lastRun).param("at", Timestamp.from(OLD)).update();
    }
}
