package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.api.security.ApiAccessRules;
import io.oms.api.security.ApiAccessRules.Rule;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another tenant's ids get nothing from any endpoint: every endpoint with an id in its path answers 404
 * NOT_FOUND (never 403, never the data) and changes nothing, and every list or lookup shows none of the other
 * tenant's data even when asked for it by name. The attacker holds every tenant scope (all but system:admin).
 */
class CrossTenantIsolationEndToEndTest extends EndToEndTest {
    @Autowired
    private ApiKeys apiKeys;

    private ApiClient attacker;
    /** The attacker tenant's admin signed in as a user (some endpoints answer users only). */
    private ApiClient attackerUser;
    private ApiClient victimUser;
    private String victimSessionId;
    private String victimOrderId;
    private String victimClientOrderId;
    private String victimVersion;
    private People.Person victimMember;
    private String victimInviteId;
    private String victimLimitId;
    private String victimOverrideId;
    /** The victim's restricted symbol and its (unique) reason. */
    private static final String VICTIM_SYMBOL = "IBM";
    private String victimReason;
    /** The victim's circuit breaker (one per kind and tenant). */
    private static final String VICTIM_BREAKER = "/api/v1/risk/circuit-breakers/LOSS";
    /** The victim's reconciliation run and OPEN discrepancy (rows as the reconciliation writes them). */
    private String victimRunId;
    private String victimDiscrepancyId;
    /** The victim's webhook endpoint (inactive: no event is delivered to it) and a settled delivery of it. */
    private String victimEndpointId;
    private String victimDeliveryId;
    /** The victim's inbound webhook source, with one accepted message. */
    private String victimSourceId;

    @BeforeEach
    void victimAndAttacker() {
        victimClientOrderId = uniqueId("victim");
        ApiClient.Response placed = api.post("/api/v1/orders",
                order(victimClientOrderId, "MSFT", "BUY", "LMT", "3", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        victimOrderId = placed.text("id");
        victimVersion = placed.header("ETag");
        People people = new People(context(), api);
        victimMember = people.member("demo", io.oms.infra.identity.Role.TRADER);
        ApiClient.Response invite = api.post("/api/v1/invites",
                "{\"email\":\"" + People.email("invitee") + "\",\"role\":\"VIEWER\"}");
        assertThat(invite.status()).isEqualTo(201);
        victimInviteId = invite.text("id");
        ApiClient.Response limit = api.post("/api/v1/risk/limits",
                "{\"scope\":\"ACCOUNT\",\"scopeValue\":\"" + ACCOUNT + "\",\"type\":\"MAX_ORDER_QTY\",\"value\":\"1000000\"}");
        assertThat(limit.status()).isEqualTo(201);
        victimLimitId = limit.text("id");
        ApiClient.Response override = api.post("/api/v1/risk/overrides", "{\"kind\":\"LIMIT\",\"limitId\":\""
                + victimLimitId + "\",\"reason\":\"victim's lift\",\"expiresInSeconds\":60}");
        assertThat(override.status()).isEqualTo(201);
        victimOverrideId = override.text("id");
        victimReason = uniqueId("victim-reason");
        ApiClient.Response restricted = api.put("/api/v1/risk/restricted-symbols/" + VICTIM_SYMBOL,
                "{\"reason\":\"" + victimReason + "\"}");
        assertThat(restricted.status()).isIn(200, 201);
        // A disabled breaker: it never trips, and it starts no evaluation.
        ApiClient.Response breaker = api.put(VICTIM_BREAKER, "{\"threshold\":\"999999999\",\"enabled\":false}");
        assertThat(breaker.status()).isIn(200, 201);
        ReconciliationRows reconciliation = new ReconciliationRows(context().getBean(JdbcClient.class));
        UUID run = reconciliation.run("demo", ACCOUNT, "MANUAL", "FULL", "SUCCEEDED", Instant.now());
        victimRunId = run.toString();
        victimDiscrepancyId = reconciliation.discrepancy("demo", ACCOUNT, uniqueId("VICTIM"), "OPEN", run, Instant.now())
                .toString();
        ApiClient.Response endpoint = api.post("/api/v1/webhooks",
                "{\"url\":\"https://victim.example.com/hook\",\"eventTypes\":[\"*\"],\"active\":false}");
        assertThat(endpoint.status()).isEqualTo(201);
        victimEndpointId = endpoint.text("id");
        WebhookRows webhooks = new WebhookRows(context().getBean(JdbcClient.class));
        victimDeliveryId = webhooks.delivery("demo", UUID.fromString(victimEndpointId),
                webhooks.event("demo", "order.filled", victimOrderId), "DELIVERED", 1, 200).toString();
        ApiClient.Response source = api.post("/api/v1/webhooks/inbound-sources",
                "{\"name\":\"" + uniqueId("victim-source") + "\"}");
        assertThat(source.status()).isEqualTo(201);
        victimSourceId = source.text("id");
        long now = Instant.now().getEpochSecond();
        assertThat(new InboundSender(port).signed(victimSourceId, source.text("secret"), "msg_victim", now, "{}").status())
                .isEqualTo(202);
        OwnTenant other = ownTenant("atk", "Attacker tenant");
        List<String> scopes = new ArrayList<>(Scopes.NAMED);
        scopes.remove(Scopes.SYSTEM_ADMIN);
        attacker = api.withKey(apiKeys.create(other.id(), "attacker", scopes));
        TestUsers users = new TestUsers(context(), api);
        ApiClient.Response victimLogin = users.loggedIn(users.create(io.oms.infra.identity.Role.TRADER, "demo"), null);
        victimSessionId = victimLogin.text("sessionId");
        victimUser = users.as(victimLogin);
        attackerUser = users.as(users.loggedIn(users.create(io.oms.infra.identity.Role.ADMIN, other.id()), null));
    }

    /** The demo tenant is shared by every test class: its restriction must not outlive this one. */
    @AfterEach
    void liftVictimRestriction() {
        api.delete("/api/v1/risk/restricted-symbols/" + VICTIM_SYMBOL);
        api.delete(VICTIM_BREAKER);
        api.delete("/api/v1/webhooks/" + victimEndpointId);
        api.delete("/api/v1/webhooks/inbound-sources/" + victimSourceId);
    }

    /** For each templated endpoint, the victim's concrete path; a new templated endpoint must be added here. */
    private Map<String, String> victimPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("/api/v1/orders/{id}", "/api/v1/orders/" + victimOrderId);
        paths.put("/api/v1/orders/{id}/cancel", "/api/v1/orders/" + victimOrderId + "/cancel");
        paths.put("/api/v1/orders/{id}/executions", "/api/v1/orders/" + victimOrderId + "/executions");
        paths.put("/api/v1/api-keys/{id}", "/api/v1/api-keys/" + victimMember.keyId());
        paths.put("/api/v1/api-keys/{id}/rotate", "/api/v1/api-keys/" + victimMember.keyId() + "/rotate");
        paths.put("/api/v1/members/{userId}", "/api/v1/members/" + victimMember.userId());
        paths.put("/api/v1/invites/{id}", "/api/v1/invites/" + victimInviteId);
        paths.put("/api/v1/auth/sessions/{id}", "/api/v1/auth/sessions/" + victimSessionId);
        paths.put("/api/v1/users/{id}/unlock", "/api/v1/users/" + victimMember.userId() + "/unlock");
        paths.put("/api/v1/brokers/accounts/{account}/credentials", "/api/v1/brokers/accounts/" + ACCOUNT + "/credentials");
        paths.put("/api/v1/risk/limits/{id}", "/api/v1/risk/limits/" + victimLimitId);
        paths.put("/api/v1/risk/overrides/{id}", "/api/v1/risk/overrides/" + victimOverrideId);
        paths.put("/api/v1/kill-switches/{scope}/{scopeId}", "/api/v1/kill-switches/ACCOUNT/" + ACCOUNT);
        paths.put("/api/v1/risk/restricted-symbols/{symbol}", "/api/v1/risk/restricted-symbols/" + VICTIM_SYMBOL);
        paths.put("/api/v1/risk/restricted-accounts/{account}", "/api/v1/risk/restricted-accounts/" + ACCOUNT);
        paths.put("/api/v1/risk/circuit-breakers/{kind}", VICTIM_BREAKER);
        paths.put("/api/v1/reconciliation/runs/{id}", "/api/v1/reconciliation/runs/" + victimRunId);
        paths.put("/api/v1/reconciliation/discrepancies/{id}/acknowledge",
                "/api/v1/reconciliation/discrepancies/" + victimDiscrepancyId + "/acknowledge");
        paths.put("/api/v1/webhooks/{id}", "/api/v1/webhooks/" + victimEndpointId);
        paths.put("/api/v1/webhooks/{id}/rotate-secret", "/api/v1/webhooks/" + victimEndpointId + "/rotate-secret");
        paths.put("/api/v1/webhooks/{id}/deliveries", "/api/v1/webhooks/" + victimEndpointId + "/deliveries");
        paths.put("/api/v1/webhook-deliveries/{id}", "/api/v1/webhook-deliveries/" + victimDeliveryId);
        paths.put("/api/v1/webhook-deliveries/{id}/redeliver", "/api/v1/webhook-deliveries/" + victimDeliveryId + "/redeliver");
        paths.put("/api/v1/webhooks/inbound-sources/{id}", "/api/v1/webhooks/inbound-sources/" + victimSourceId);
        paths.put("/api/v1/webhooks/inbound-sources/{id}/messages",
                "/api/v1/webhooks/inbound-sources/" + victimSourceId + "/messages");
        return paths;
    }

    /**
     * Endpoints the generic loop cannot judge. PUT of a restricted symbol is keyed by the symbol, not by an id the
     * victim owns: the attacker's PUT of the victim's symbol rightly creates the attacker's own restriction (201),
     * while the loop's made-up "id" is no instrument (400). It is checked by
     * {@link #restrictingTheVictimsSymbolCreatesTheAttackersOwnRestrictionOnly()} instead. PUT of a restricted
     * account answers 400 for any account that is not the caller's, the victim's as much as a made-up one: see
     * {@link #anotherTenantsAccountCanNeitherBeRestrictedNorLifted()}. PUT of a circuit breaker is keyed by its kind:
     * {@link #configuringTheVictimsBreakerKindConfiguresTheAttackersOwnBreakerOnly()}.
     */
    private static boolean judgedElsewhere(Rule rule) {
        return rule.method().name().equals("PUT") && (rule.path().equals("/api/v1/risk/restricted-symbols/{symbol}")
                || rule.path().equals("/api/v1/risk/restricted-accounts/{account}")
                || rule.path().equals("/api/v1/risk/circuit-breakers/{kind}"));
    }

    @Test
    void anotherTenantsAccountCanNeitherBeRestrictedNorLifted() {
        String path = "/api/v1/risk/restricted-accounts/" + ACCOUNT;
        assertThat(api.put(path, "{\"reason\":\"" + victimReason + "\"}").status()).isIn(200, 201);
        try {
            ApiClient.Response put = attacker.put(path, "{\"reason\":\"attacker's\"}");
            assertThat(put.status()).isEqualTo(400);
            assertThat(put.body().get("details").get(0).get("field").asString()).isEqualTo("account");
            assertThat(put.body().toString()).doesNotContain(victimReason);
            assertThat(attacker.delete(path).status()).isEqualTo(404);
            assertThat(attacker.get("/api/v1/risk/restricted-accounts").body().get("items")).isEmpty();
            assertThat(api.get("/api/v1/risk/restricted-accounts").body().toString())
                    .as("the victim's restriction is unchanged").contains(victimReason).doesNotContain("attacker's");
        } finally {
            api.delete(path);
        }
    }

    @Test
    void restrictingTheVictimsSymbolCreatesTheAttackersOwnRestrictionOnly() {
        String path = "/api/v1/risk/restricted-symbols/" + VICTIM_SYMBOL;
        ApiClient.Response own = attacker.put(path, "{\"reason\":\"attacker's own\"}");
        assertThat(own.status()).as("the attacker's own restriction, new to the attacker").isEqualTo(201);
        assertThat(own.body().toString()).doesNotContain(victimReason);
        assertThat(attacker.get("/api/v1/risk/restricted-symbols").body().toString()).doesNotContain(victimReason);
        assertThat(attacker.delete(path).status()).isEqualTo(204);
        assertThat(attacker.delete(path).status()).as("the victim's row is not the attacker's to lift").isEqualTo(404);
        ApiClient.Response victims = api.get("/api/v1/risk/restricted-symbols");
        assertThat(victims.body().toString()).contains(victimReason).doesNotContain("attacker's own");
    }

    /** PUT of a breaker is keyed by its kind, which every tenant has: the attacker configures its own only. */
    @Test
    void configuringTheVictimsBreakerKindConfiguresTheAttackersOwnBreakerOnly() {
        ApiClient.Response own = attacker.put(VICTIM_BREAKER, "{\"threshold\":\"5\",\"enabled\":false}");
        assertThat(own.status()).as("the attacker's own breaker, new to the attacker").isEqualTo(201);
        assertThat(own.body().toString()).doesNotContain("999999999");
        assertThat(attacker.get("/api/v1/risk/circuit-breakers").body().toString()).doesNotContain("999999999");
        assertThat(attacker.delete(VICTIM_BREAKER).status()).isEqualTo(204);
        assertThat(attacker.delete(VICTIM_BREAKER).status()).as("the victim's breaker is not the attacker's to delete")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/risk/circuit-breakers").body().toString()).contains("999999999");
    }

    @Test
    void everyEndpointWithAnIdAnswersNotFoundForAnotherTenantsResource() {
        Map<String, String> paths = victimPaths();
        List<String> leaks = new ArrayList<>();
        for (Rule rule : ApiAccessRules.RULES) {
            // Tenant administration is across tenants by design, for system administrators only (403 to others).
            if (rule.scope() == null || !rule.path().contains("{") || Scopes.SYSTEM_ADMIN.equals(rule.scope())
                    || judgedElsewhere(rule)) continue;
            String path = paths.get(rule.path());
            if (path == null) {
                leaks.add(rule + ": no victim resource in CrossTenantIsolationEndToEndTest.victimPaths; add one");
                continue;
            }
            // Each attacker credential must get for the victim's id exactly what it gets for an id nobody has, never
            // 2xx; at least one of them (the kind the endpoint serves) must get 404 NOT_FOUND.
            String nobodys = rule.path().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            boolean notFound = false;
            for (ApiClient who : List.of(attacker, attackerUser)) {
                ApiClient.Response answer = who.call(rule.method().name(), path, body(rule), "If-Match", victimVersion);
                ApiClient.Response baseline = who.call(rule.method().name(), nobodys, body(rule), "If-Match", victimVersion);
                notFound |= answer.status() == 404 && "NOT_FOUND".equals(answer.text("code"));
                if (answer.status() / 100 == 2 || answer.status() != baseline.status()
                        || !String.valueOf(answer.text("code")).equals(String.valueOf(baseline.text("code")))
                        || answer.body().toString().contains(victimClientOrderId)) {
                    leaks.add(rule + " answered " + answer.status() + " " + answer.body() + " (an unknown id: "
                            + baseline.status() + ")");
                }
            }
            if (!notFound) leaks.add(rule + " answered neither attacker 404");
        }
        assertThat(leaks).as("endpoints that did not answer 404 to another tenant").isEmpty();
        ApiClient.Response after = api.get("/api/v1/orders/" + victimOrderId);
        assertThat(after.header("ETag")).as("the victim's order is unchanged").isEqualTo(victimVersion);
        assertThat(after.text("state")).isNotIn("PENDING_CANCEL", "CANCELED", "PENDING_MODIFY");
        assertThat(victimMember.api().get("/api/v1/orders?limit=1").status()).as("the victim's key still works").isEqualTo(200);
        assertThat(victimUser.get("/api/v1/auth/me").status()).as("the victim's session still works").isEqualTo(200);
        assertThat(api.get("/api/v1/members").body().toString()).contains(victimMember.userId().toString());
        assertThat(api.get("/api/v1/invites").body().toString()).contains(victimInviteId);
        assertThat(api.get("/api/v1/risk/overrides/" + victimOverrideId).text("revokedAt"))
                .as("the victim's override is not revoked").isNull();
        assertThat(api.get("/api/v1/risk/limits/" + victimLimitId).text("value")).as("the victim's limit is unchanged")
                .isEqualTo("1000000");
        assertThat(api.get("/api/v1/risk/restricted-symbols").body().toString())
                .as("the victim's restriction is still there").contains(victimReason);
        assertThat(api.get("/api/v1/reconciliation/discrepancies?status=OPEN&limit=500").body().toString())
                .as("the victim's discrepancy is still OPEN").contains(victimDiscrepancyId);
        ApiClient.Response victimEndpoint = api.get("/api/v1/webhooks/" + victimEndpointId);
        assertThat(victimEndpoint.header("ETag")).as("the victim's endpoint is unchanged, its secret unrotated").isEqualTo("\"1\"");
        assertThat(api.get("/api/v1/webhook-deliveries/" + victimDeliveryId).body().path("delivery").path("state").asString())
                .as("the victim's delivery was not redelivered").isEqualTo("DELIVERED");
    }

    @Test
    void listsAndLookupsNeverShowAnotherTenantsData() {
        List<String> asks = List.of(
                "/api/v1/orders?limit=500",
                "/api/v1/orders:by_client_order_id?client_order_id=" + victimClientOrderId,
                "/api/v1/positions?account=" + ACCOUNT,
                "/api/v1/pnl/today?account=" + ACCOUNT,
                "/api/v1/pnl/history?account=" + ACCOUNT,
                "/api/v1/audit?resourceType=order&resourceId=" + victimOrderId,
                "/api/v1/audit?limit=500",
                "/api/v1/api-keys",
                "/api/v1/members",
                "/api/v1/invites",
                "/api/v1/risk/limits",
                "/api/v1/risk/restricted-symbols",
                "/api/v1/risk/restricted-accounts",
                "/api/v1/risk/status?account=" + ACCOUNT,
                "/api/v1/reconciliation/runs?limit=500",
                "/api/v1/reconciliation/runs?account=" + ACCOUNT,
                "/api/v1/reconciliation/accounts",
                "/api/v1/reconciliation/accounts?account=" + ACCOUNT,
                "/api/v1/reconciliation/discrepancies?limit=500",
                "/api/v1/reconciliation/discrepancies?account=" + ACCOUNT,
                "/api/v1/webhooks",
                "/api/v1/webhook-dead-letters?includeRedelivered=true&limit=500",
                "/api/v1/webhook-dead-letters?endpointId=" + victimEndpointId,
                "/api/v1/webhooks/inbound-sources");
        List<String> leaks = new ArrayList<>();
        for (String ask : asks) {
            ApiClient.Response answer = attacker.get(ask);
            String text = answer.body().toString();
            // A 4xx may echo what the caller asked for; only an answer with data can leak.
            boolean data = answer.status() / 100 == 2;
            if (answer.status() / 100 == 5 || data && (text.contains(victimOrderId)
                    || text.contains(victimClientOrderId) || text.contains(ACCOUNT)
                    || text.contains(victimMember.userId().toString()) || text.contains(victimInviteId)
                    || text.contains(victimLimitId) || text.contains(victimReason) || text.contains(victimRunId)
                    || text.contains(victimDiscrepancyId) || text.contains(victimEndpointId)
                    || text.contains(victimDeliveryId) || text.contains(victimSourceId))) {
                leaks.add(ask + " answered " + answer.status() + " " + text);
            }
        }
        assertThat(leaks).as("lists and lookups that showed the other tenant's data").isEmpty();
    }

    @Test
    void batchCancelOfAnotherTenantsOrdersAnswersNotFoundPerItemAndCancelsNothing() {
        ApiClient.Response answer = attacker.post("/api/v1/orders/batch/cancel", "{\"ids\":[\"" + victimOrderId + "\"]}");
        assertThat(answer.body().toString()).contains("NOT_FOUND").doesNotContain(victimClientOrderId);
        assertThat(api.get("/api/v1/orders/" + victimOrderId).header("ETag")).isEqualTo(victimVersion);
    }

    private static String body(Rule rule) {
        return switch (rule.method().name()) {
            case "PATCH" -> "{\"qty\":\"5\"}";
            case "GET", "DELETE" -> null;
            default -> "{}";
        };
    }
}
