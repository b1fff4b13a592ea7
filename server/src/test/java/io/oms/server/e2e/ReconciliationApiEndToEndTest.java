package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.reconcile.ReconciliationContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation runs through the API: listed newest first with filters and pages, one with its findings, a MANUAL
 * one asked for, and the accounts' sync view. Each test has a tenant of its own, its rows written as the
 * reconciliation writes them.
 */
class ReconciliationApiEndToEndTest extends EndToEndTest {
    private static final String RUNS = "/api/v1/reconciliation/runs";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private WorkflowClient temporal;

    private OwnTenant own;
    /** A second account of the tenant that no reconciliation runs for: the rows the tests write stay theirs alone. */
    private String listed;
    private ReconciliationRows rows;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);

    @BeforeEach
    void ownTenant() {
        own = ownTenant("rec", "Reconciliation tenant");
        rows = new ReconciliationRows(jdbc);
        listed = "DU" + (1_000_000 + new java.util.Random().nextInt(8_000_000));
        jdbc.sql("INSERT INTO broker_accounts (account_code, tenant_id, connection_name) VALUES (:a, :t, 'sim')")
                .param("a", listed).param("t", own.id()).update();
    }

    @Test
    void runsAreListedNewestFirstPageByPageAndFiltered() {
        List<UUID> runs = new ArrayList<>();
        String[][] kinds = {{"CONNECT", "FULL", "SUCCEEDED"}, {"SCHEDULE", "OPEN_ORDERS", "SUCCEEDED"},
                {"SCHEDULE", "POSITIONS", "FAILED"}, {"MANUAL", "FULL", "SUCCEEDED"}, {"SCHEDULE", "OPEN_ORDERS", "RUNNING"}};
        for (int i = 0; i < kinds.length; i++) {
            runs.add(rows.run(own.id(), listed, kinds[i][0], kinds[i][1], kinds[i][2], t0.plusSeconds(i)));
        }
        List<String> seen = new ArrayList<>();
        String path = RUNS + "?account=" + listed + "&limit=2";
        for (int page = 0; page < 3; page++) {
            JsonNode body = own.api().get(path).body();
            body.get("items").forEach(run -> seen.add(run.path("id").asString()));
            path = RUNS + "?account=" + listed + "&limit=2&cursor=" + body.path("next").asString();
            assertThat(body.has("next")).as("a next page after page " + page).isEqualTo(page < 2);
        }
        assertThat(seen).containsExactly(runs.reversed().stream().map(UUID::toString).toArray(String[]::new));

        assertThat(ids(RUNS + "?account=" + listed + "&status=failed")).containsExactly(runs.get(2).toString());
        assertThat(ids(RUNS + "?account=" + listed + "&trigger=SCHEDULE&scope=OPEN_ORDERS"))
                .containsExactly(runs.get(4).toString(), runs.get(1).toString());
        assertThat(ids(RUNS + "?account=" + listed + "&sort=started_at").getFirst()).isEqualTo(runs.get(0).toString());
        assertThat(ids(RUNS + "?account=" + ACCOUNT)).as("another tenant's account shows nothing").isEmpty();
        ApiClient.Response bad = own.api().get(RUNS + "?status=DONE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("details").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void aRunIsShownWithEveryFindingInTheOrderFound() {
        UUID run = rows.run(own.id(), own.account(), "CONNECT", "FULL", "SUCCEEDED", t0);
        rows.finding(run, own.id(), own.account(), "POSITION_DRIFT", "RECORDED", t0.plusMillis(30));
        rows.finding(run, own.id(), own.account(), "MISSED_FILL", "APPLIED", t0.plusMillis(10));
        rows.finding(run, own.id(), own.account(), "EXTERNAL_ORDER", "IMPORTED", t0.plusMillis(20));

        ApiClient.Response answer = own.api().get(RUNS + "/" + run);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode shown = answer.body().get("run");
        assertThat(shown.path("account").asString()).isEqualTo(own.account());
        assertThat(shown.path("trigger").asString()).isEqualTo("CONNECT");
        assertThat(shown.path("compared").path("brokerOpenOrders").asLong()).isEqualTo(3);
        assertThat(shown.path("cursor").path("execId").asString()).isEqualTo("0000e0d5.6553c0f1.01.01");
        assertThat(shown.path("finishedAt").asString()).isNotEmpty();
        JsonNode findings = answer.body().get("findings");
        assertThat(findings.findValuesAsString("kind")).containsExactly("MISSED_FILL", "EXTERNAL_ORDER", "POSITION_DRIFT");
        assertThat(findings.get(0).path("action").asString()).isEqualTo("APPLIED");
        assertThat(findings.get(0).path("permId").asLong()).isEqualTo(1234567890L);
        assertThat(findings.get(0).path("brokerValue").asString()).isEqualTo("150");
    }

    @Test
    void anotherTenantsRunOrAnIdThatIsNoneIsNotFound() {
        UUID demoRun = rows.run("demo", ACCOUNT, "MANUAL", "FULL", "SUCCEEDED", t0);
        for (String id : List.of(demoRun.toString(), UUID.randomUUID().toString(), "not-a-run")) {
            ApiClient.Response answer = own.api().get(RUNS + "/" + id);
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.text("code")).isEqualTo("NOT_FOUND");
        }
        assertThat(api.get(RUNS + "/" + demoRun).status()).as("its own tenant sees it").isEqualTo(200);
    }

    @Test
    void askingForARunNeedsOneOfTheTenantsOwnAccounts() {
        int asked = own.api().get("/api/v1/audit?action=reconciliation.run.request").body().get("items").size();
        for (String body : List.of("{}", "{\"account\":\" \"}", "{\"account\":\"" + ACCOUNT + "\"}")) {
            ApiClient.Response refused = own.api().post(RUNS, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().get("details").get(0).path("field").asString()).isEqualTo("account");
        }
        assertThat(own.api().get("/api/v1/audit?action=reconciliation.run.request").body().get("items"))
                .as("nothing asked, nothing audited").hasSize(asked);
    }

    @Test
    void askingForARunStartsTheAccountsReconciliationAndAnswersItsSyncView() {
        String workflowId = ReconciliationContract.workflowId(own.account());
        try {
            ApiClient.Response accepted = own.api().post(RUNS, "{\"account\":\"" + own.account() + "\"}");
            assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
            assertThat(accepted.text("account")).isEqualTo(own.account());
            assertThat(accepted.text("connection")).isEqualTo("sim");
            assertThat(accepted.text("syncState")).isEqualTo("SYNCED");
            assertThat(temporal.newUntypedWorkflowStub(workflowId).describe().getWorkflowType())
                    .isEqualTo(ReconciliationContract.WORKFLOW_TYPE);
            JsonNode audited = own.api().get("/api/v1/audit?action=reconciliation.run.request").body().get("items");
            assertThat(audited).hasSize(1);
            assertThat(audited.get(0).path("resourceId").asString()).isEqualTo(own.account());
        } finally {
            WorkflowStub stub = temporal.newUntypedWorkflowStub(workflowId);
            try {
                stub.terminate("test over");
            } catch (RuntimeException alreadyClosed) {
                // nothing to stop
            }
        }
    }

    @Test
    void accountsShowTheirSyncStateCursorAndLastRun() {
        UUID run = rows.run(own.id(), listed, "CONNECT", "FULL", "RUNNING", t0);
        jdbc.sql("""
                        UPDATE broker_accounts SET sync_state = 'RECONCILING', sync_detail = 'session reconnected',
                            sync_cursor_time = :t, sync_cursor_exec_id = 'e-1', last_run_id = :run WHERE account_code = :a""")
                .param("t", io.oms.infra.persistence.Timestamps.bind(t0)).param("run", run).param("a", listed)
                .update();

        JsonNode accounts = own.api().get("/api/v1/reconciliation/accounts").body();
        assertThat(accounts).hasSize(2);
        JsonNode account = accounts.get(0).path("account").asString().equals(listed) ? accounts.get(0) : accounts.get(1);
        assertThat(account.path("account").asString()).isEqualTo(listed);
        assertThat(account.path("connection").asString()).isEqualTo("sim");
        assertThat(account.path("syncState").asString()).isEqualTo("RECONCILING");
        assertThat(account.path("syncStateAt").asString()).isNotEmpty();
        assertThat(account.path("syncDetail").asString()).isEqualTo("session reconnected");
        assertThat(Instant.parse(account.path("cursor").path("time").asString())).isEqualTo(t0);
        assertThat(account.path("cursor").path("execId").asString()).isEqualTo("e-1");
        assertThat(account.path("lastRunId").asString()).isEqualTo(run.toString());
        assertThat(own.api().get("/api/v1/reconciliation/accounts?account=" + ACCOUNT).body()).isEmpty();
    }

    private List<String> ids(String path) {
        ApiClient.Response answer = own.api().get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.body().get("items").findValuesAsString("id");
    }
}
