package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.api.killswitch.KillSwitchGate;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.sim.SimOrderView;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kill switches through the API with the simulator: engaging cancels every working order in scope and refuses new
 * ones, release lets them through again, each scope affects only itself, REDUCING lets only reducing orders pass,
 * and only risk:manage (system:admin for GLOBAL) of the tenant itself may touch a switch.
 */
class KillSwitchEndToEndTest extends EndToEndTest {
    /** Resting orders engaged against (the 500); -Doms.e2e.killswitch.orders=N for another figure. */
    private static final int ORDERS = Integer.getInteger("oms.e2e.killswitch.orders", 500);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ApiKeys apiKeys;
    @Autowired
    private KillSwitchGate gate;

    @Test
    void haltingTheTenantCancelsEveryWorkingOrderRefusesNewOnesAndReleaseLetsThemThrough() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("ks"), "MSFT", "BUY", "LMT", "1", "1.00"));
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
            ids.add(placed.text("id"));
        }
        for (String id : ids) {
            awaitState(id, "ROUTED");
        }

        long started = System.nanoTime();
        ApiClient.Response engaged = api.post("/api/v1/kill-switches",
                "{\"scope\":\"TENANT\",\"state\":\"HALTED\",\"reasonCode\":\"E2E_HALT\",\"reason\":\"end-to-end test\"}");
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try {
            assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);
            System.out.println("kill switch: engage TENANT HALTED with " + ORDERS + " working orders -> last cancel confirmed after "
                    + millis + " ms; answer " + engaged.body());
            assertThat(engaged.text("state")).isEqualTo("HALTED");
            assertThat(engaged.body().get("changed").asBoolean()).isTrue();
            assertThat(engaged.body().get("cancels").get("requested").asInt()).isGreaterThanOrEqualTo(ORDERS);
            // Verified: nothing of the tenant is left working (other test classes' stuck orders would be reported here).
            assertThat(engaged.body().get("cancels").get("stillWorking").asInt()).isEqualTo(jdbc.sql(
                    "SELECT count(*) FROM orders WHERE tenant_id = 'demo' AND state IN ('NEW','ROUTED','PARTIALLY_FILLED','PENDING_MODIFY','PENDING_CANCEL')")
                    .query(Integer.class).single());
            for (String id : ids) {
                assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("CANCELED");
            }

            ApiClient.Response refused = api.post("/api/v1/orders", order(uniqueId("ks"), "MSFT", "BUY", "LMT", "1", "1.00"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
            assertThat(refused.body().toString()).contains("TRADING_HALTED");
            // A cancel is never gated: it reaches the order (which is simply already finished).
            assertThat(api.post("/api/v1/orders/" + ids.get(0) + "/cancel", "").text("code")).isEqualTo("STATE_CONFLICT");

            ApiClient.Response listed = api.get("/api/v1/kill-switches");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body().get("items").toString()).contains("\"TENANT\"").contains("E2E_HALT");
        } finally {
            ApiClient.Response released = api.delete("/api/v1/kill-switches/TENANT/demo");
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            assertThat(released.text("state")).isEqualTo("ACTIVE");
        }
        assertThat(api.post("/api/v1/orders", order(uniqueId("ks"), "MSFT", "BUY", "LMT", "1", "1.00")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/kill-switches").body().get("items").toString()).doesNotContain("E2E_HALT");
        assertThat(api.get("/api/v1/audit?resourceType=kill_switch&resourceId=TENANT/demo&limit=50").body().toString())
                .contains("killswitch.engage").contains("killswitch.release");
        assertThat(jdbc.sql("SELECT event_type FROM outbox_events WHERE tenant_id = 'demo' AND aggregate_type = 'kill_switch'")
                .query(String.class).list()).contains("killswitch.engaged", "killswitch.released");
    }

    @Test
    void aStrategySwitchCancelsAndRefusesOnlyThatStrategysOrders() {
        String strategy = "ks-" + UUID.randomUUID().toString().substring(0, 8);
        String mine = api.post("/api/v1/orders", withStrategy(order(uniqueId("kss"), "MSFT", "BUY", "LMT", "1", "1.00"), strategy))
                .text("id");
        String other = api.post("/api/v1/orders", order(uniqueId("kso"), "MSFT", "BUY", "LMT", "1", "1.00")).text("id");
        awaitState(mine, "ROUTED");
        awaitState(other, "ROUTED");
        ApiClient.Response engaged = api.post("/api/v1/kill-switches", "{\"scope\":\"STRATEGY\",\"scopeId\":\"" + strategy
                + "\",\"state\":\"HALTED\",\"reasonCode\":\"E2E_STRATEGY\"}");
        try {
            assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);
            assertThat(engaged.body().get("cancels").get("requested").asInt()).isEqualTo(1);
            assertThat(api.get("/api/v1/orders/" + mine).text("state")).isEqualTo("CANCELED");
            assertThat(api.get("/api/v1/orders/" + other).text("state")).isEqualTo("ROUTED");
            ApiClient.Response refused = api.post("/api/v1/orders",
                    withStrategy(order(uniqueId("kss"), "MSFT", "BUY", "LMT", "1", "1.00"), strategy));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("TRADING_HALTED STRATEGY/" + strategy);
            assertThat(api.post("/api/v1/orders", order(uniqueId("kso"), "MSFT", "BUY", "LMT", "1", "1.00")).status())
                    .isEqualTo(201);
        } finally {
            api.delete("/api/v1/kill-switches/STRATEGY/" + strategy);
            api.post("/api/v1/orders/" + other + "/cancel", "");
        }
    }

    @Test
    void theGlobalSwitchCancelsEveryOpenOrderOfTheSessionEvenOnePlacedOutsideTheOms() {
        long manual = simulator.placeManualOrder(PlaceOrder.builder(0, "MSFT").buy(new BigDecimal("3"))
                .limit(new BigDecimal("1.00")).account(ACCOUNT).build());
        String ours = api.post("/api/v1/orders", order(uniqueId("ksg"), "MSFT", "BUY", "LMT", "1", "1.00")).text("id");
        awaitState(ours, "ROUTED");
        ApiClient.Response engaged = api.post("/api/v1/kill-switches",
                "{\"scope\":\"GLOBAL\",\"state\":\"HALTED\",\"reasonCode\":\"E2E_GLOBAL\"}");
        try {
            assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);
            assertThat(engaged.body().get("cancels").get("stillWorking").asInt()).isZero();
            assertThat(api.get("/api/v1/orders/" + ours).text("state")).isEqualTo("CANCELED");
            // The order a TWS user placed by hand is gone too: reqGlobalCancel went to the whole session.
            assertThat(manualOrderStatus(manual, "Cancelled")).isEqualTo("Cancelled");
        } finally {
            ApiClient.Response released = api.delete("/api/v1/kill-switches/GLOBAL/global");
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
        }
    }

    /** The simulator's status of a manual order, once it is {@code expected} or after a bounded wait. */
    private String manualOrderStatus(long permId, String expected) {
        String status = null;
        for (int i = 0; i < 100 && !expected.equals(status); i++) {
            simulator.sync();
            status = simulator.orders().stream().filter(o -> o.permId() == permId).map(SimOrderView::status)
                    .findFirst().orElse(null);
            if (!expected.equals(status)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return status;
    }

    private static String withStrategy(String orderJson, String strategy) {
        return orderJson.substring(0, orderJson.length() - 1) + ",\"strategy\":\"" + strategy + "\"}";
    }

    /**
     * A switch engaged elsewhere (another API node: its row, without this node's sweep) refuses a modify of an order
     * still working, while the order's cancel passes.
     */
    @Test
    void underAHaltedSwitchModifiesAreRefusedAndCancelsPass() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("ksmod"), "MSFT", "BUY", "LMT", "2", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.text("id");
        String etag = awaitState(id, "ROUTED").header("ETag");
        jdbc.sql("""
                INSERT INTO kill_switches (tenant_id, scope, scope_id, state, reason_code, actor, changed_at, version)
                VALUES ('demo', 'ACCOUNT', :a, 'HALTED', 'ELSEWHERE', 'user:other-node', now(), 1)""").param("a", ACCOUNT).update();
        gate.invalidate();
        try {
            ApiClient.Response modify = api.patch("/api/v1/orders/" + id, "{\"qty\":\"1\"}", etag);
            assertThat(modify.status()).as(modify.body().toString()).isEqualTo(422);
            assertThat(modify.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
            assertThat(modify.body().toString()).contains("TRADING_HALTED ACCOUNT/" + ACCOUNT);

            assertThat(api.post("/api/v1/orders/" + id + "/cancel", "").status()).isIn(200, 202);
            awaitState(id, "CANCELED");
        } finally {
            jdbc.sql("DELETE FROM kill_switches WHERE tenant_id = 'demo' AND scope = 'ACCOUNT' AND scope_id = :a")
                    .param("a", ACCOUNT).update();
            gate.invalidate();
        }
    }

    @Test
    void anAccountSwitchBlocksOnlyThatAccount() {
        OwnTenant tenant = ownTenant("ksacct", "Account switch tenant");
        String other = "DU" + (1_000_000 + new Random().nextInt(8_000_000));
        tenant.addAccount(context(), other);

        ApiClient.Response engaged = tenant.api().post("/api/v1/kill-switches",
                "{\"scope\":\"ACCOUNT\",\"scopeId\":\"" + other + "\",\"state\":\"HALTED\",\"reasonCode\":\"ACCOUNT_REVIEW\"}");
        assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);

        assertThat(tenant.api().post("/api/v1/orders", orderFor(other, "BUY", "1")).status()).isEqualTo(422);
        assertThat(tenant.api().post("/api/v1/orders", orderFor(tenant.account(), "BUY", "1")).status()).isEqualTo(201);

        assertThat(tenant.api().post("/api/v1/kill-switches/release",
                "{\"scope\":\"ACCOUNT\",\"scopeId\":\"" + other + "\",\"reason\":\"reviewed\"}").status()).isEqualTo(200);
        assertThat(tenant.api().post("/api/v1/orders", orderFor(other, "BUY", "1")).status()).isEqualTo(201);
    }

    @Test
    void reducingLetsAReducingOrderThroughAndRefusesAnIncreasingOne() {
        OwnTenant tenant = ownTenant("ksred", "Reducing tenant");
        jdbc.sql("""
                INSERT INTO positions (tenant_id, account, symbol, quantity, avg_cost, realized_pnl, commissions, updated_at)
                VALUES (:t, :a, 'AAPL', 10, 100, 0, 0, now())""").param("t", tenant.id()).param("a", tenant.account()).update();
        ApiClient.Response engaged = tenant.api().post("/api/v1/kill-switches",
                "{\"scope\":\"TENANT\",\"state\":\"REDUCING\",\"reasonCode\":\"DRAWDOWN\"}");
        assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);

        assertThat(tenant.api().post("/api/v1/orders", orderFor(tenant.account(), "SELL", "5")).status()).isEqualTo(201);
        ApiClient.Response increasing = tenant.api().post("/api/v1/orders", orderFor(tenant.account(), "BUY", "1"));
        assertThat(increasing.status()).isEqualTo(422);
        assertThat(increasing.body().toString()).contains("REDUCE_ONLY");
        // Selling through flat to a larger short position increases the exposure too.
        assertThat(tenant.api().post("/api/v1/orders", orderFor(tenant.account(), "SELL", "25")).status()).isEqualTo(422);
    }

    @Test
    void engagingAgainAnswersTheCurrentStateUnchanged() {
        OwnTenant tenant = ownTenant("ksidem", "Idempotent tenant");
        String body = "{\"scope\":\"TENANT\",\"state\":\"HALTED\",\"reasonCode\":\"FIRST\"}";
        ApiClient.Response first = tenant.api().post("/api/v1/kill-switches", body);
        ApiClient.Response again = tenant.api().post("/api/v1/kill-switches",
                "{\"scope\":\"TENANT\",\"scopeId\":\"" + tenant.id() + "\",\"state\":\"HALTED\",\"reasonCode\":\"SECOND\"}");

        assertThat(first.body().get("changed").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("changed").asBoolean()).isFalse();
        assertThat(again.text("reasonCode")).isEqualTo("FIRST");
        assertThat(again.text("changedAt")).isEqualTo(first.text("changedAt"));
        assertThat(tenant.api().get("/api/v1/kill-switches").body().get("items")).hasSize(1);
    }

    @Test
    void refusesCallersWithoutRiskManageAndGlobalWithoutSystemAdmin() {
        OwnTenant tenant = ownTenant("ksperm", "Permissions tenant");
        ApiClient trader = api.withKey(apiKeys.create(tenant.id(), "trader", List.of(Scopes.ORDERS_PLACE, Scopes.ORDERS_VIEW)));
        ApiClient manager = api.withKey(apiKeys.create(tenant.id(), "manager", List.of(Scopes.RISK_MANAGE)));
        String tenantHalt = "{\"scope\":\"TENANT\",\"state\":\"HALTED\",\"reasonCode\":\"X\"}";

        assertThat(trader.post("/api/v1/kill-switches", tenantHalt).status()).isEqualTo(403);
        assertThat(trader.get("/api/v1/kill-switches").status()).isEqualTo(403);
        ApiClient.Response global = manager.post("/api/v1/kill-switches", "{\"scope\":\"GLOBAL\",\"state\":\"HALTED\",\"reasonCode\":\"X\"}");
        assertThat(global.status()).isEqualTo(403);
        assertThat(global.text("code")).isEqualTo("FORBIDDEN");
        ApiClient.Response invalid = manager.post("/api/v1/kill-switches", "{\"scope\":\"TENANT\",\"state\":\"ACTIVE\",\"reasonCode\":\"x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().toString()).contains("state").contains("reasonCode");
        assertThat(manager.get("/api/v1/kill-switches").body().get("items")).isEmpty();
    }

    @Test
    void anotherTenantsSwitchesAnswerNotFoundAndChangeNothing() {
        OwnTenant attacker = ownTenant("ksatk", "Attacker tenant");
        ApiClient.Response account = attacker.api().post("/api/v1/kill-switches",
                "{\"scope\":\"ACCOUNT\",\"scopeId\":\"" + ACCOUNT + "\",\"state\":\"HALTED\",\"reasonCode\":\"X\"}");
        ApiClient.Response tenant = attacker.api().post("/api/v1/kill-switches",
                "{\"scope\":\"TENANT\",\"scopeId\":\"demo\",\"state\":\"HALTED\",\"reasonCode\":\"X\"}");

        assertThat(account.status()).isEqualTo(404);
        assertThat(account.text("code")).isEqualTo("NOT_FOUND");
        assertThat(tenant.status()).isEqualTo(404);
        assertThat(attacker.api().delete("/api/v1/kill-switches/TENANT/demo").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM kill_switches WHERE tenant_id = :t").param("t", attacker.id())
                .query(Integer.class).single()).isZero();
        assertThat(api.post("/api/v1/orders", order(uniqueId("ks"), "MSFT", "BUY", "LMT", "1", "1.00")).status()).isEqualTo(201);
    }

    private static String orderFor(String account, String side, String qty) {
        return "{\"account\":\"" + account + "\",\"symbol\":\"AAPL\",\"side\":\"" + side + "\",\"type\":\"LMT\",\"qty\":\"" + qty
                + "\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\",\"clientOrderId\":\"" + uniqueId("ks") + "\"}";
    }
}
