package io.oms.activities.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.reconcile.AccountSyncRepository;
import io.oms.infra.reconcile.ReconciliationRunWriter;
import io.oms.infra.reconcile.RunRecord;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunStart;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.RunScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The minute's position check deletes its account's quiet runs past the retention window; other checks do not. */
class QuietRunPruningTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    private final LedgerTestDb db = LedgerTestDb.get();
    private final ReconciliationRunWriter runs = new ReconciliationRunWriter(db.jdbc);
    private final ReconciliationActivitiesImpl activities = new ReconciliationActivitiesImpl(new AccountSyncRepository(db.jdbc),
            runs, new OutboxRepository(db.jdbc), db.tx, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String tenant = db.newTenant();
    private final String connection = "c-" + LedgerTestDb.randomHex(4);
    private final String account = "DU" + LedgerTestDb.randomHex(4);

    QuietRunPruningTest() {
        BrokerDirectory brokers = new BrokerDirectory(db.jdbc);
        brokers.ensureConnection(connection, "127.0.0.1", 4002, 7);
        brokers.ensureAccount(tenant, account, connection);
    }

    @Test
    void aPositionCheckDeletesTheAccountsExpiredQuietRuns() {
        UUID expired = quietRun(NOW.minus(RETENTION).minusSeconds(60));
        UUID kept = quietRun(NOW.minus(RETENTION).plusSeconds(60));

        UUID check = check(RunScope.POSITIONS);

        assertThat(runs.find(expired)).isEmpty();
        assertThat(runs.find(kept)).isPresent();
        assertThat(runs.find(check)).get().extracting(r -> r.status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anOpenOrderCheckLeavesRetentionToThePositionCheck() {
        UUID expired = quietRun(NOW.minus(RETENTION).minusSeconds(60));

        check(RunScope.OPEN_ORDERS);

        assertThat(runs.find(expired)).isPresent();
    }

    private UUID check(RunScope scope) {
        UUID id = UUID.randomUUID();
        var ticket = activities.begin(new RunStart(id.toString(), account, connection, ReconcileTrigger.SCHEDULE, scope,
                "reconciliation"));
        activities.finish(ticket, new RunOutcome(Map.of("brokerExecutions", 0), 0, 0, 0, null, null));
        return id;
    }

    private UUID quietRun(Instant finishedAt) {
        UUID id = UUID.randomUUID();
        runs.open(new RunRecord(id, tenant, account, connection, "SCHEDULE", "OPEN_ORDERS", "reconciliation",
                finishedAt.minusSeconds(1), null));
        runs.succeed(id, "{}", 0, 0, 0, null, null, finishedAt);
        return id;
    }
}
