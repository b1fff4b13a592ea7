package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Circuit breakers with the simulator: broker rejections above the threshold halt the tenant by themselves
 * (reason CIRCUIT_BREAKER_REJECT_STORM), the trip is an outbox event and an audit record, an API key may not
 * release the switch and a signed-in person may; repeated fills of one account, symbol and side put the account in
 * REDUCING. Evaluation runs at its default interval (5 s), so each trip is awaited.
 */
class CircuitBreakerEndToEndTest extends EndToEndTest {
    private static final Duration TRIP_WAIT = Duration.ofSeconds(40);

    @Autowired
    private JdbcClient jdbc;

    private static String orderFor(String account, String symbol, String side, String clientOrderId) {
        return "{\"account\":\"" + account + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side
                + "\",\"type\":\"MKT\",\"qty\":\"1\",\"tif\":\"DAY\",\"clientOrderId\":\"" + clientOrderId + "\"}";
    }

    @Test
    void aRejectStormHaltsTheTenantAndOnlyASignedInPersonMayReleaseIt() {
        // The simulator does not know this tenant's account: it rejects every order (error 201), as a real broker would.
        OwnTenant own = ownTenant("cbrej", "Reject storm tenant");
        ApiClient.Response invalid = own.api().put("/api/v1/risk/circuit-breakers/REJECT_STORM",
                "{\"scope\":\"ACCOUNT\",\"account\":\"DU0000000\",\"threshold\":\"1.5\",\"action\":\"STOP\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(invalid.body().get("details").toString()).contains("account").contains("threshold").contains("action");
        assertThat(own.api().put("/api/v1/risk/circuit-breakers/FAT_FINGER", "{\"threshold\":\"1\"}").status()).isEqualTo(404);
        assertThat(own.api().get("/api/v1/risk/circuit-breakers").body().get("items").size()).as("nothing saved").isZero();
        ApiClient.Response configured = own.api().put("/api/v1/risk/circuit-breakers/REJECT_STORM",
                "{\"threshold\":\"2\",\"windowSeconds\":300}");
        assertThat(configured.status()).as(configured.body().toString()).isEqualTo(201);
        assertThat(configured.text("action")).isEqualTo("HALTED");
        assertThat(configured.text("killSwitch")).isEqualTo("TENANT/" + own.id());

        for (int i = 0; i < 3; i++) {
            ApiClient.Response placed = own.api().post("/api/v1/orders", orderFor(own.account(), "MSFT", "BUY", uniqueId("cbrej")));
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
            own.api().await("/api/v1/orders/" + placed.text("id"), r -> "REJECTED".equals(r.text("state")), Duration.ofSeconds(30));
        }

        ApiClient.Response halted = own.api().await("/api/v1/kill-switches",
                r -> r.body().get("items").toString().contains("CIRCUIT_BREAKER_REJECT_STORM"), TRIP_WAIT);
        assertThat(halted.body().get("items").get(0).get("state").asString()).isEqualTo("HALTED");
        assertThat(halted.body().get("items").get(0).get("changedBy").asString()).isEqualTo("circuit-breaker");

        ApiClient.Response refused = own.api().post("/api/v1/orders", orderFor(own.account(), "MSFT", "BUY", uniqueId("cbrej")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("COMPLIANCE_BLOCKED");

        List<String> events = jdbc.sql("SELECT payload::text FROM outbox_events WHERE tenant_id = :t AND event_type = 'risk.breached'")
                .param("t", own.id()).query(String.class).list();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).contains("\"kind\": \"REJECT_STORM\"").contains("\"measured\": \"3\"")
                .contains("\"threshold\": \"2\"").contains("\"killSwitch\": \"TENANT/" + own.id() + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE tenant_id = :t AND action = 'circuit_breaker.trip' "
                + "AND actor = 'circuit-breaker'").param("t", own.id()).query(Integer.class).single()).isEqualTo(1);

        ApiClient.Response shown = own.api().get("/api/v1/risk/circuit-breakers");
        assertThat(shown.status()).isEqualTo(200);
        var breaker = shown.body().get("items").get(0);
        assertThat(breaker.get("lastTrip").get("measured").asString()).isEqualTo("3");
        assertThat(breaker.get("current").get("switchState").asString()).isEqualTo("HALTED");

        // RTS 6 Art. 15(3): the API key (all scopes) may not re-enable trading the breaker stopped.
        ApiClient.Response byKey = own.api().delete("/api/v1/kill-switches/TENANT/" + own.id());
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.text("code")).isEqualTo("FORBIDDEN");
        assertThat(byKey.text("message")).contains("circuit breaker").contains("API key");

        TestUsers users = new TestUsers(context(), api);
        ApiClient person = users.as(users.loggedIn(users.create(Role.ADMIN, own.id()), own.id()));
        ApiClient.Response released = person.delete("/api/v1/kill-switches/TENANT/" + own.id() + "?reason=checked");
        assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
        assertThat(released.text("state")).isEqualTo("ACTIVE");

        // The rejects before the release are not counted again: one more reject stays under the threshold.
        ApiClient.Response after = own.api().post("/api/v1/orders", orderFor(own.account(), "MSFT", "BUY", uniqueId("cbrej")));
        assertThat(after.status()).as(after.body().toString()).isEqualTo(201);
        ApiClient.Response measured = own.api().get("/api/v1/risk/circuit-breakers");
        assertThat(measured.body().get("items").get(0).get("current").get("switchState").asString()).isEqualTo("ACTIVE");
        assertThat(measured.body().get("items").get(0).get("current").get("value").asInt()).isLessThanOrEqualTo(1);

        assertThat(own.api().delete("/api/v1/risk/circuit-breakers/REJECT_STORM").status()).isEqualTo(204);
        assertThat(own.api().get("/api/v1/risk/circuit-breakers").body().get("items").size()).isZero();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE tenant_id = :t AND resource_type = 'circuit_breaker' ORDER BY id")
                .param("t", own.id()).query(String.class).list())
                .containsExactly("circuit_breaker.create", "circuit_breaker.trip", "circuit_breaker.delete");
    }

    @Test
    void repeatedFillsOfOneAccountSymbolAndSidePutTheAccountInReducing() {
        String account = "/api/v1/kill-switches/ACCOUNT/" + ACCOUNT;
        TestUsers users = new TestUsers(context(), api);
        ApiClient person = users.as(users.loggedIn(users.create(Role.MANAGER, "demo"), "demo"));
        // Other test classes fill orders of this account too; a breaker counts only what follows its switch's last
        // release, so a release now makes the window this test's alone.
        assertThat(api.post("/api/v1/kill-switches", "{\"scope\":\"ACCOUNT\",\"scopeId\":\"" + ACCOUNT
                + "\",\"state\":\"REDUCING\",\"reasonCode\":\"E2E_RESET\"}").status()).isEqualTo(200);
        assertThat(api.delete(account).status()).isEqualTo(200);
        ApiClient.Response configured = api.put("/api/v1/risk/circuit-breakers/REPEATED_EXECUTIONS",
                "{\"scope\":\"ACCOUNT\",\"account\":\"" + ACCOUNT + "\",\"threshold\":\"2\",\"windowSeconds\":120,"
                        + "\"action\":\"REDUCING\"}");
        assertThat(configured.status()).as(configured.body().toString()).isIn(200, 201);
        try {
            for (int i = 0; i < 3; i++) {
                ApiClient.Response placed = api.post("/api/v1/orders", orderFor(ACCOUNT, "SPY", "BUY", uniqueId("cbrep")));
                assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
                awaitState(placed.text("id"), "FILLED");
            }
            ApiClient.Response reducing = api.await("/api/v1/kill-switches",
                    r -> r.body().get("items").toString().contains("CIRCUIT_BREAKER_REPEATED_EXECUTIONS"), TRIP_WAIT);
            assertThat(reducing.body().get("items").toString()).contains("REDUCING").contains(ACCOUNT);

            // Adding to the long position is refused; reducing it passes.
            ApiClient.Response buy = api.post("/api/v1/orders", orderFor(ACCOUNT, "SPY", "BUY", uniqueId("cbrep")));
            assertThat(buy.status()).isEqualTo(422);
            assertThat(buy.body().toString()).contains("REDUCE_ONLY");
            assertThat(api.post("/api/v1/orders", orderFor(ACCOUNT, "SPY", "SELL", uniqueId("cbrep"))).status()).isEqualTo(201);

            assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE tenant_id = 'demo' AND event_type = 'risk.breached' "
                    + "AND payload::text LIKE '%REPEATED_EXECUTIONS%'").query(Integer.class).single()).isGreaterThanOrEqualTo(1);
            assertThat(api.delete(account).status()).as("the bootstrap API key").isEqualTo(403);
        } finally {
            api.delete("/api/v1/risk/circuit-breakers/REPEATED_EXECUTIONS");
            ApiClient.Response released = person.delete(account);
            assertThat(released.status()).as(released.body().toString()).isIn(200, 404);
        }
        assertThat(api.get("/api/v1/kill-switches").body().get("items").toString())
                .doesNotContain("CIRCUIT_BREAKER_REPEATED_EXECUTIONS");
    }
}
