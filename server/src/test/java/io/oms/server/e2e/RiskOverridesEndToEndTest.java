package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.risk.RiskChecks;
import io.oms.activities.risk.RiskVerdict;
import io.oms.infra.identity.Role;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.risk.OverrideTerms;
import io.oms.infra.risk.RiskOverride;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.infra.security.ApiKeys;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.infra.risk.StoredDenial;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Risk overrides through the API: create from a denied order, from terms, or for a limit; validation; compliance
 * refused; revoke; list filters; audit and event; scope; tenancy. The effect is checked by asking
 * {@link RiskChecks} directly (the risk check is not in the order path of this branch).
 */
class RiskOverridesEndToEndTest extends EndToEndTest {
    private static final String PATH = "/api/v1/risk/overrides";

    @Autowired
    private ApiKeys apiKeys;
    @Autowired
    private RiskChecks riskChecks;
    @Autowired
    private RiskOverrideRepository repository;
    @Autowired
    private JdbcClient jdbc;

    /** A DENIED order as the risk activity leaves it: terms, its denials in risk_denials and as reject_reason text. */
    private String deniedOrder(OwnTenant own, String rejectReason) {
        List<StoredDenial> denials = Arrays.stream(rejectReason.split("; ")).map(d -> d.substring(0, d.indexOf(':')))
                .map(r -> new StoredDenial(r, DenialReason.valueOf(r).kind().name(), null, null, null, "test", null))
                .toList();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price,
                                            tif, state, reject_reason, version, created_at, updated_at, risk_denials)
                        VALUES (:id, :t, :cid, :a, 'AAPL', 'BUY', 'LMT', 100, 150.00, 'DAY', 'DENIED', :r, 1, :now, :now,
                                CAST(:d AS jsonb))""")
                .param("id", id).param("t", own.id()).param("cid", uniqueId("den")).param("a", own.account())
                .param("r", rejectReason).param("now", now).param("d", StoredDenial.toJson(denials)).update();
        return id.toString();
    }

    private OrderIntent intent(OwnTenant own, String clientOrderId, String qty) {
        return new OrderIntent(own.id(), clientOrderId, own.account(), "AAPL", Side.BUY, OrderType.LMT, TimeInForce.DAY,
                new BigDecimal(qty), new BigDecimal("150"), null, false, null, null);
    }

    private List<DenialReason> reasons(RiskVerdict verdict) {
        return verdict.denials().stream().map(RiskDenial::reason).toList();
    }

    private static List<String> fields(ApiClient.Response answer) {
        List<String> found = new ArrayList<>();
        for (JsonNode d : answer.body().get("details")) found.add(d.get("field").asString());
        return found;
    }

    private static List<String> ids(ApiClient.Response list) {
        List<String> found = new ArrayList<>();
        for (JsonNode item : list.body().get("items")) found.add(item.get("id").asString());
        return found;
    }

    private String notionalLimit(OwnTenant own) {
        return own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"TENANT\",\"type\":\"MAX_NOTIONAL\",\"value\":\"1000\"}").text("id");
    }

    @Test
    void anOverrideOfADeniedOrderCopiesItsTermsAndLetsThoseTermsThroughOnce() {
        OwnTenant own = ownTenant("ovo", "Overrides order");
        notionalLimit(own);
        String orderId = deniedOrder(own, "MAX_NOTIONAL: notional 15000 above 1000");
        ApiClient.Response created = own.api().post(PATH,
                "{\"kind\":\"ORDER\",\"orderId\":\"" + orderId + "\",\"reason\":\"client confirmed by phone\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("ORDER");
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("account")).isEqualTo(own.account());
        assertThat(created.text("qty")).isEqualTo("100");
        assertThat(created.text("limitPrice")).isEqualTo("150");
        assertThat(created.body().get("reasons").toString()).isEqualTo("[\"MAX_NOTIONAL\"]");
        assertThat(created.text("orderId")).isEqualTo(orderId);
        assertThat(Instant.parse(created.text("expiresAt")))
                .isEqualTo(Instant.parse(created.text("createdAt")).plusSeconds(900));
        String id = created.text("id");

        assertThat(reasons(riskChecks.check(new RiskCheckRequest(intent(own, "ovo-other", "101"), RiskCheckKind.NEW_ORDER))))
                .as("other terms are not waived").contains(DenialReason.MAX_NOTIONAL);
        RiskVerdict first = riskChecks.check(new RiskCheckRequest(intent(own, "ovo-1", "100"), RiskCheckKind.NEW_ORDER));
        assertThat(first.passed()).isTrue();
        assertThat(riskChecks.check(new RiskCheckRequest(intent(own, "ovo-1", "100"), RiskCheckKind.NEW_ORDER)).passed())
                .as("the same order's retried check").isTrue();
        assertThat(reasons(riskChecks.check(new RiskCheckRequest(intent(own, "ovo-2", "100"), RiskCheckKind.NEW_ORDER))))
                .as("single use").containsExactly(DenialReason.MAX_NOTIONAL);
        ApiClient.Response used = own.api().get(PATH + "/" + id);
        assertThat(used.text("status")).isEqualTo("USED");
        assertThat(used.text("usedByOrder")).isEqualTo("ovo-1");
        assertThat(own.api().get("/api/v1/audit?resourceType=risk_override&resourceId=" + id).body().toString())
                .contains("risk_override.create", "risk_override.use");
    }

    @Test
    void aDeniedOrderOverriddenPassesOnceWhenPlacedAgain() {
        OwnTenant own = ownTenant("ovp", "Overrides placed");
        notionalLimit(own);
        String terms = "{\"account\":\"" + own.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LMT\","
                + "\"qty\":\"100\",\"limitPrice\":\"150\",\"clientOrderId\":\"";
        ApiClient.Response denied = own.api().post("/api/v1/orders", terms + uniqueId("ovp") + "\"}");
        assertThat(denied.status()).isEqualTo(422);
        assertThat(denied.text("code")).isEqualTo("RISK_LIMIT_BREACH");
        String deniedId = own.api().get("/api/v1/orders?state=DENIED").body().get("items").get(0).get("id").asString();

        ApiClient.Response override = own.api().post(PATH,
                "{\"kind\":\"ORDER\",\"orderId\":\"" + deniedId + "\",\"reason\":\"desk approved\"}");
        assertThat(override.status()).isEqualTo(201);
        assertThat(override.body().get("reasons").toString()).isEqualTo("[\"MAX_NOTIONAL\"]");
        String retry = uniqueId("ovp");
        ApiClient.Response placed = own.api().post("/api/v1/orders", terms + retry + "\"}");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(own.api().get(PATH + "/" + override.text("id")).text("usedByOrder")).isEqualTo(retry);
        assertThat(own.api().post("/api/v1/orders", terms + uniqueId("ovp") + "\"}").status()).as("single use").isEqualTo(422);
    }

    @Test
    void aLimitOverrideLiftsOnlyThatLimitUntilRevoked() {
        OwnTenant own = ownTenant("ovl", "Overrides limit");
        String notional = notionalLimit(own);
        own.api().post("/api/v1/risk/limits", "{\"scope\":\"TENANT\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"10\"}");
        RiskCheckRequest check = new RiskCheckRequest(intent(own, "ovl-1", "100"), RiskCheckKind.MODIFY);
        assertThat(reasons(riskChecks.check(check))).contains(DenialReason.MAX_NOTIONAL, DenialReason.MAX_ORDER_QTY);

        ApiClient.Response lift = own.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + notional
                + "\",\"reason\":\"index rebalance\",\"expiresInSeconds\":86400}");
        assertThat(lift.status()).isEqualTo(201);
        assertThat(lift.text("limitId")).isEqualTo(notional);
        assertThat(reasons(riskChecks.check(check))).contains(DenialReason.MAX_ORDER_QTY)
                .doesNotContain(DenialReason.MAX_NOTIONAL);

        ApiClient.Response revoked = own.api().delete(PATH + "/" + lift.text("id"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.text("revokedBy")).isNotBlank();
        assertThat(own.api().delete(PATH + "/" + lift.text("id")).text("status")).as("idempotent").isEqualTo("REVOKED");
        assertThat(reasons(riskChecks.check(check))).contains(DenialReason.MAX_NOTIONAL);

        String audit = own.api().get("/api/v1/audit?resourceType=risk_override&resourceId=" + lift.text("id")).body().toString();
        assertThat(audit).contains("risk_override.create", "risk_override.revoke");
        List<String> events = jdbc.sql("SELECT event_type FROM outbox_events WHERE tenant_id = :t AND aggregate_type = 'risk_override'")
                .param("t", own.id()).query(String.class).list();
        assertThat(events).containsExactly("risk.override.created");
    }

    @Test
    void invalidBodiesAnswerEveryFieldProblemAndChangeNothing() {
        OwnTenant own = ownTenant("ovv", "Overrides validation");
        assertThat(fields(own.api().post(PATH, "{}"))).containsExactlyInAnyOrder("kind", "reason");
        assertThat(fields(own.api().post(PATH, "{\"kind\":\"ORDER\",\"reason\":\"x\"}")))
                .containsExactlyInAnyOrder("account", "symbol", "side", "type", "qty", "reasons");
        assertThat(fields(own.api().post(PATH, "{\"kind\":\"ORDER\",\"reason\":\"x\",\"account\":\"" + own.account()
                + "\",\"symbol\":\"AAPL\",\"side\":\"HOLD\",\"type\":\"MKT\",\"qty\":\"-1\",\"limitPrice\":\"1\","
                + "\"reasons\":[\"NOPE\"],\"expiresInSeconds\":3601}")))
                .containsExactlyInAnyOrder("side", "qty", "limitPrice", "reasons[0]", "expiresInSeconds");
        assertThat(fields(own.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"not-an-id\",\"reason\":\"x\","
                + "\"expiresInSeconds\":86401}"))).containsExactlyInAnyOrder("limitId", "expiresInSeconds");
        assertThat(fields(own.api().post(PATH, "{\"kind\":\"ORDER\",\"reason\":\"x\",\"account\":\"DU0000000\","
                + "\"symbol\":\"NOSUCHSYM\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":1,\"reasons\":[\"MAX_NOTIONAL\"]}")))
                .containsExactlyInAnyOrder("account", "symbol");
        assertThat(own.api().post(PATH, "not json").status()).isEqualTo(400);
        assertThat(own.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + UUID.randomUUID() + "\",\"reason\":\"x\"}")
                .status()).as("unknown limit").isEqualTo(404);

        assertThat(own.api().get(PATH + "?status=all").body().get("items")).isEmpty();
        assertThat(own.api().get("/api/v1/audit?resourceType=risk_override").body().get("items")).isEmpty();
    }

    @Test
    void complianceDenialsCannotBeOverridden() {
        OwnTenant own = ownTenant("ovc", "Overrides compliance");
        ApiClient.Response manual = own.api().post(PATH, "{\"kind\":\"ORDER\",\"reason\":\"x\",\"account\":\"" + own.account()
                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LMT\",\"qty\":100,\"limitPrice\":150,"
                + "\"reasons\":[\"MAX_NOTIONAL\",\"RESTRICTED_SYMBOL\"]}");
        assertThat(manual.status()).isEqualTo(422);
        assertThat(manual.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
        assertThat(manual.body().get("details").toString()).contains("RESTRICTED_SYMBOL");

        String closed = deniedOrder(own, "MARKET_CLOSED: outside the regular session; MAX_NOTIONAL: 15000 above 1000");
        ApiClient.Response fromOrder = own.api().post(PATH,
                "{\"kind\":\"ORDER\",\"orderId\":\"" + closed + "\",\"reason\":\"x\"}");
        assertThat(fromOrder.status()).isEqualTo(422);
        assertThat(fromOrder.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
        assertThat(fromOrder.text("message")).contains("compliance");
        String window = own.api().post("/api/v1/risk/limits",
                "{\"scope\":\"TENANT\",\"type\":\"DUPLICATE_WINDOW\",\"value\":\"60\"}").text("id");
        ApiClient.Response lift = own.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + window + "\",\"reason\":\"x\"}");
        assertThat(lift.status()).isEqualTo(422);
        assertThat(lift.text("code")).isEqualTo("COMPLIANCE_BLOCKED");
        assertThat(own.api().get(PATH + "?status=all").body().get("items")).isEmpty();
    }

    @Test
    void listsByStatusNewestFirst() {
        OwnTenant own = ownTenant("ovs", "Overrides status");
        String limit = notionalLimit(own);
        String body = "{\"kind\":\"LIMIT\",\"limitId\":\"" + limit + "\",\"reason\":\"r\",\"expiresInSeconds\":600}";
        String active = own.api().post(PATH, body).text("id");
        String revoked = own.api().post(PATH, body).text("id");
        own.api().delete(PATH + "/" + revoked);
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        RiskOverride expired = RiskOverride.created(UuidV7.next(), own.id(), null, null, UUID.fromString(limit), "r",
                "user:ops", past, past.plusSeconds(60));
        repository.insert(expired);
        RiskOverride used = RiskOverride.created(UuidV7.next(), own.id(), new OverrideTerms(own.account(), "AAPL",
                "BUY", "LMT", BigDecimal.ONE, BigDecimal.TEN, List.of("MAX_NOTIONAL")), null, null, "r", "user:ops",
                Instant.now().truncatedTo(ChronoUnit.MICROS), Instant.now().plusSeconds(600));
        repository.insert(used);
        assertThat(repository.consume(own.id(), used.id(), "ovs-1", Instant.now())).isTrue();

        assertThat(ids(own.api().get(PATH))).containsExactly(active);
        assertThat(ids(own.api().get(PATH + "?status=active"))).containsExactly(active);
        assertThat(ids(own.api().get(PATH + "?status=revoked"))).containsExactly(revoked);
        assertThat(ids(own.api().get(PATH + "?status=expired"))).containsExactly(expired.id().toString());
        assertThat(ids(own.api().get(PATH + "?status=used"))).containsExactly(used.id().toString());
        assertThat(ids(own.api().get(PATH + "?status=all"))).hasSize(4);
        ApiClient.Response firstPage = own.api().get(PATH + "?status=all&limit=3");
        assertThat(ids(firstPage)).hasSize(3);
        assertThat(ids(own.api().get(PATH + "?status=all&limit=3&cursor=" + firstPage.text("next")))).hasSize(1);
        assertThat(own.api().get(PATH + "?status=bogus").status()).isEqualTo(400);
        assertThat(own.api().delete(PATH + "/" + used.id()).status()).as("a used override").isEqualTo(409);
        assertThat(own.api().delete(PATH + "/" + expired.id()).status()).as("an expired override").isEqualTo(409);
    }

    @Test
    void anotherTenantsOrderLimitAndOverridesAreNotFound() {
        OwnTenant owner = ownTenant("ovt", "Overrides owner");
        OwnTenant other = ownTenant("ovx", "Overrides other");
        String order = deniedOrder(owner, "MAX_NOTIONAL: above");
        String limit = notionalLimit(owner);
        String id = owner.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + limit + "\",\"reason\":\"r\"}").text("id");

        assertThat(other.api().post(PATH, "{\"kind\":\"ORDER\",\"orderId\":\"" + order + "\",\"reason\":\"r\"}").status())
                .isEqualTo(404);
        assertThat(other.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + limit + "\",\"reason\":\"r\"}").status())
                .isEqualTo(404);
        assertThat(other.api().get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(other.api().delete(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(other.api().get(PATH + "?status=all").body().get("items")).isEmpty();
        assertThat(owner.api().get(PATH + "/" + id).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void creatingOrRevokingNeedsRiskOverride() {
        OwnTenant own = ownTenant("ovp", "Overrides scope");
        String limit = notionalLimit(own);
        ApiClient trader = api.withKey(apiKeys.create(own.id(), "trader", List.copyOf(Role.TRADER.scopes())));
        ApiClient.Response refused = trader.post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + limit + "\",\"reason\":\"r\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("risk:override");
        String id = own.api().post(PATH, "{\"kind\":\"LIMIT\",\"limitId\":\"" + limit + "\",\"reason\":\"r\"}").text("id");
        assertThat(trader.delete(PATH + "/" + id).status()).isEqualTo(403);
        assertThat(own.api().get(PATH + "/" + id).text("status")).isEqualTo("ACTIVE");
    }
}
