package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.StatusRuntimeException;
import io.oms.infra.seed.DevSeeder;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fail-closed order gate: while an account is not SYNCED (its IB session (re)connected and its reconciliation
 * has not finished, or it never ran), new orders and modifies answer 503 BROKER_RECONCILING with Retry-After and
 * create nothing; cancels pass, and a replay of an earlier clientOrderId still answers the earlier order.
 */
class ReconciliationGateEndToEndTest extends EndToEndTest {
    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private WorkflowClient temporal;

    @AfterEach
    void accountSyncedAgain() {
        syncState("SYNCED");
    }

    @Test
    void aNewOrderForAnAccountStillReconcilingIsRefusedAndCreatesNothing() {
        syncState("RECONCILING");
        String clientOrderId = uniqueId("gate");
        ApiClient.Response refused = api.post("/api/v1/orders", order(clientOrderId, "MSFT", "BUY", "LMT", "1", "1.00"));

        assertRefused(refused, "RECONCILING");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE client_order_id = :c").param("c", clientOrderId)
                .query(Integer.class).single()).as("no order row").isZero();
        String workflowId = OrderWorkflowContract.workflowId(new TenantId(DevSeeder.TENANT), new ClientOrderId(clientOrderId));
        assertThatThrownBy(() -> temporal.newUntypedWorkflowStub(workflowId).describe()).as("no order workflow")
                .isInstanceOfAny(WorkflowNotFoundException.class, StatusRuntimeException.class);
        assertThat(api.get("/api/v1/reconciliation/accounts?account=" + ACCOUNT).body().get(0).path("syncState").asString())
                .isEqualTo("RECONCILING");
    }

    @Test
    void anAccountNeverReconciledRefusesNewOrdersInTheBatchToo() {
        syncState("PENDING");
        String clientOrderId = uniqueId("gateb");
        ApiClient.Response batch = api.post("/api/v1/orders/batch",
                "{\"orders\":[" + order(clientOrderId, "MSFT", "BUY", "LMT", "1", "1.00") + "]}");

        assertThat(batch.status()).isEqualTo(200);
        var item = batch.body().get("results").get(0);
        assertThat(item.path("status").asInt()).isEqualTo(503);
        assertThat(item.path("error").path("code").asString()).isEqualTo("BROKER_RECONCILING");
        assertThat(item.path("error").path("message").asString()).contains(ACCOUNT, "PENDING");
        assertThat(api.get("/api/v1/orders:by_client_order_id?client_order_id=" + clientOrderId).status()).isEqualTo(404);
    }

    @Test
    void aModifyIsRefusedWhileTheAccountReconcilesButACancelPasses() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("gatem"), "MSFT", "BUY", "LMT", "10", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.text("id");
        String etag = api.get("/api/v1/orders/" + id).header("ETag");
        syncState("RECONCILING");

        ApiClient.Response modify = api.patch("/api/v1/orders/" + id, "{\"qty\":\"20\"}", etag);
        assertRefused(modify, "RECONCILING");
        ApiClient.Response after = api.get("/api/v1/orders/" + id);
        assertThat(after.text("qty")).isEqualTo("10");
        assertThat(after.header("ETag")).as("nothing was sent; the order is unchanged").isEqualTo(etag);

        ApiClient.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", "");
        assertThat(cancel.status()).isIn(200, 202);
        assertThat(cancel.text("state")).isIn("CANCELED", "PENDING_CANCEL");
    }

    @Test
    void aReplayOfAnEarlierClientOrderIdStillAnswersTheEarlierOrder() {
        String body = order(uniqueId("gater"), "MSFT", "BUY", "LMT", "2", "1.00");
        ApiClient.Response placed = api.post("/api/v1/orders", body);
        assertThat(placed.status()).isEqualTo(201);
        syncState("RECONCILING");

        ApiClient.Response replay = api.post("/api/v1/orders", body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("id")).isEqualTo(placed.text("id"));
        api.post("/api/v1/orders/" + placed.text("id") + "/cancel", "");
    }

    @Test
    void onceTheAccountIsSyncedTheRefusedOrderIsAccepted() {
        syncState("RECONCILING");
        String body = order(uniqueId("gates"), "MSFT", "BUY", "LMT", "3", "1.00");
        assertRefused(api.post("/api/v1/orders", body), "RECONCILING");

        syncState("SYNCED");
        ApiClient.Response accepted = api.post("/api/v1/orders", body);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("state")).isEqualTo("ROUTED");
        api.post("/api/v1/orders/" + accepted.text("id") + "/cancel", "");
    }

    private static void assertRefused(ApiClient.Response answer, String state) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
        assertThat(answer.text("code")).isEqualTo("BROKER_RECONCILING");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.text("message")).contains(ACCOUNT, state);
        assertThat(answer.text("hint")).contains("reconciliation has finished", "GET /api/v1/reconciliation/accounts");
    }

    private void syncState(String state) {
        jdbc.sql("UPDATE broker_accounts SET sync_state = :s, sync_state_at = now() WHERE account_code = :a")
                .param("s", state).param("a", ACCOUNT).update();
    }
}
