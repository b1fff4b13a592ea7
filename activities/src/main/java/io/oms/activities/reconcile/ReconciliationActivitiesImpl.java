package io.oms.activities.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.oms.infra.config.ReconciliationProperties;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.reconcile.AccountSyncRepository;
import io.oms.infra.reconcile.ReconciliationRunWriter;
import io.oms.infra.reconcile.RunRecord;
import io.oms.infra.reconcile.AccountSyncRow;
import io.oms.workflows.activities.ReconciliationActivities;
import io.oms.workflows.activities.RunOutcome;
import io.oms.workflows.activities.RunStart;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.RunScope;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The database side of reconciliation runs: open, close, fail, and the account's sync state that gates its orders. */
@Component
public class ReconciliationActivitiesImpl implements ReconciliationActivities {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReconciliationActivitiesImpl.class);
    /** Executions are asked for from this much before the cursor: IB's filter has whole seconds and clocks differ. */
    static final Duration CURSOR_MARGIN = Duration.ofSeconds(5);
    /** Quiet runs deleted per pruning, at most: a backlog goes in steps, each check adds about seven a minute. */
    static final int PRUNE_BATCH = 1_000;

    private final AccountSyncRepository accounts;
    private final ReconciliationRunWriter runs;
    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final Duration quietRunRetention;
    private final Clock clock;

    @Autowired
    public ReconciliationActivitiesImpl(AccountSyncRepository accounts, ReconciliationRunWriter runs, OutboxRepository outbox,
                                        TransactionTemplate tx, ReconciliationProperties properties) {
        this(accounts, runs, outbox, tx, properties.quietRunRetention(), Clock.systemUTC());
    }

    ReconciliationActivitiesImpl(AccountSyncRepository accounts, ReconciliationRunWriter runs, OutboxRepository outbox,
                                 TransactionTemplate tx, Duration quietRunRetention, Clock clock) {
        this.accounts = accounts;
        this.runs = runs;
        this.outbox = outbox;
        this.tx = tx;
        this.quietRunRetention = quietRunRetention;
        this.clock = clock;
    }

    @Override
    public RunTicket begin(RunStart start) {
        UUID id = UUID.fromString(start.runId());
        var opened = runs.find(id); // a retried begin finds the run it opened
        if (opened.isPresent()) {
            var run = opened.get();
            return new RunTicket(start.runId(), run.tenantId(), run.account(), run.connection(),
                    RunScope.valueOf(run.scope()), run.executionsSince());
        }
        AccountSyncRow account = accounts.find(start.account()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "broker account " + start.account() + " no longer exists", ErrorCode.NOT_FOUND.name()));
        Instant since = start.scope() == RunScope.FULL || account.cursorTime() == null ? null
                : account.cursorTime().minus(CURSOR_MARGIN);
        RunRecord fresh = new RunRecord(id, account.tenantId(), account.account(), start.connection(),
                start.trigger().name(), start.scope().name(), start.requestedBy(), clock.instant(), since);
        tx.executeWithoutResult(status -> {
            // A reconnect's run, or one for an account not yet in sync, holds orders until it succeeded; a person's
            // run on an account in sync does not stop trading.
            if (start.scope() == RunScope.FULL && (start.trigger() == ReconcileTrigger.CONNECT
                    || !AccountSyncRepository.SYNCED.equals(account.syncState()))) {
                accounts.markReconciling(account.account(), "full reconciliation " + id + " ("
                        + start.trigger().name().toLowerCase(java.util.Locale.ROOT) + ") running", id);
            }
            runs.open(fresh);
        });
        return new RunTicket(start.runId(), fresh.tenantId(), fresh.account(), fresh.connection(), start.scope(), since);
    }

    @Override
    public void finish(RunTicket ticket, RunOutcome outcome) {
        UUID id = UUID.fromString(ticket.runId());
        tx.executeWithoutResult(status -> {
            if (!runs.succeed(id, json(outcome.compared()), outcome.findings(), outcome.repairs(), outcome.discrepancies(),
                    outcome.cursorTime(), outcome.cursorExecId(), clock.instant())) {
                return; // a retried finish: done already
            }
            String state = accounts.recordRun(ticket.account(), id, ticket.scope() == RunScope.FULL, outcome.cursorTime(),
                    outcome.cursorExecId()).orElse("");
            if (ticket.scope() == RunScope.FULL && AccountSyncRepository.SYNCED.equals(state)) {
                log.info("account {} reconciled by run {} ({} findings, {} repairs, {} open discrepancies); orders are accepted",
                        ticket.account(), id, outcome.findings(), outcome.repairs(), outcome.discrepancies());
            }
            Map<String, Object> m = summary(ticket, "SUCCEEDED");
            m.put("compared", outcome.compared());
            m.put("findings", outcome.findings());
            m.put("repairs", outcome.repairs());
            m.put("discrepancies", outcome.discrepancies());
            // A quiet periodic check is not news (one every 10 s per account); a full run, or one that found
            // something, is.
            if (ticket.scope() == RunScope.FULL || outcome.findings() > 0) {
                publish(ticket, m);
            }
        });
        if (ticket.scope() == RunScope.POSITIONS) {
            pruneQuietRuns(ticket);
        }
    }

    /**
     * Once a position check (every minute per account) deletes the account's expired quiet runs, outside the run's
     * transaction: retention that fails is logged and tried again at the next check, never a failed run.
     */
    private void pruneQuietRuns(RunTicket ticket) {
        try {
            int deleted = runs.pruneQuiet(ticket.tenantId(), ticket.account(), clock.instant().minus(quietRunRetention),
                    PRUNE_BATCH);
            if (deleted > 0) {
                log.debug("deleted {} quiet reconciliation runs of {} older than {}", deleted, ticket.account(),
                        quietRunRetention);
            }
        } catch (DataAccessException e) {
            log.warn("quiet reconciliation runs of {} were not pruned: {}", ticket.account(), e.getMessage());
        }
    }

    @Override
    public void fail(RunTicket ticket, String error) {
        UUID id = UUID.fromString(ticket.runId());
        tx.executeWithoutResult(status -> {
            if (!runs.fail(id, error, clock.instant())) {
                return;
            }
            if (ticket.scope() == RunScope.FULL) {
                accounts.recordFailure(ticket.account(), "reconciliation " + id + " failed: " + error);
            }
            Map<String, Object> m = summary(ticket, "FAILED");
            m.put("error", error);
            publish(ticket, m);
        });
    }

    private static Map<String, Object> summary(RunTicket ticket, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", ticket.runId());
        m.put("account", ticket.account());
        m.put("scope", ticket.scope().name());
        m.put("status", status);
        return m;
    }

    private void publish(RunTicket ticket, Map<String, Object> run) {
        outbox.appendEvent(ticket.tenantId(), DomainEvents.AGGREGATE_RECONCILIATION, ticket.account(),
                DomainEvents.RECONCILIATION_COMPLETED, clock.instant(), "run", json(run));
    }

    private static String json(Object value) {
        try {
            return RunJournal.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
