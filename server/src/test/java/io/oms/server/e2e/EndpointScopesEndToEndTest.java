package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.api.security.ApiAccessRules;
import io.oms.api.security.ApiAccessRules.Rule;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} endpoint is in the access-rule table, and every scoped endpoint refuses, before doing
 * anything, a credential that lacks its scope (403 naming the scope) or has none (401).
 */
class EndpointScopesEndToEndTest extends EndToEndTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private ApiKeys apiKeys;

    private final Map<String, ApiClient> keysWithout = new ConcurrentHashMap<>();

    @Test
    void everyApiEndpointHasAnAccessRule() {
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) continue;
                for (var method : info.getMethodsCondition().getMethods()) {
                    boolean listed = ApiAccessRules.RULES.stream()
                            .anyMatch(r -> r.path().equals(path) && r.method().name().equals(method.name()));
                    if (!listed) missing.add(method + " " + path + " (" + handler.getShortLogMessage() + ")");
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) missing.add("any-method " + path);
            }
        });
        assertThat(missing).as("endpoints without a row in ApiAccessRules").isEmpty();
    }

    @Test
    void everyScopedEndpointRefusesAKeyWithoutItsScope() {
        List<String> open = new ArrayList<>();
        for (Rule rule : ApiAccessRules.RULES) {
            if (rule.scope() == null) continue;
            ApiClient.Response answer = keyWithout(rule.scope()).call(rule.method().name(), concrete(rule.path()), "{}");
            if (answer.status() != 403 || !"FORBIDDEN".equals(answer.text("code"))
                    || !String.valueOf(answer.text("hint")).contains(rule.scope())) {
                open.add(rule + " answered " + answer.status() + " " + answer.body());
            }
        }
        assertThat(open).as("endpoints that did not refuse a key lacking their scope").isEmpty();
    }

    @Test
    void everyScopedEndpointRefusesACallWithoutCredentials() {
        ApiClient anonymous = api.withKey(null);
        ApiClient forged = api.withKey("oms_e2etest1_notTheRealSecretAtAll00000000000");
        List<String> open = new ArrayList<>();
        int caller = 0;
        for (Rule rule : ApiAccessRules.RULES) {
            if (rule.scope() == null) continue;
            for (ApiClient client : List.of(anonymous, forged)) {
                // Each call from its own client address (loopback is a trusted proxy in these tests): calls without
                // valid credentials share their address's rate-limit bucket, and this test makes more than it holds.
                caller++;
                String address = "198.18." + (caller / 250) + "." + (caller % 250 + 1);
                ApiClient.Response answer = client.call(rule.method().name(), concrete(rule.path()), "{}",
                        "X-Forwarded-For", address);
                if (answer.status() != 401 || !"UNAUTHENTICATED".equals(answer.text("code"))) {
                    open.add(rule + " answered " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(open).as("endpoints that did not refuse a call without valid credentials").isEmpty();
    }

    @Test
    void viewerKeyReadsOrdersButCannotPlaceModifyOrCancel() {
        ApiClient viewer = api.withKey(apiKeys.create("demo", "viewer", List.copyOf(Role.VIEWER.scopes())));
        assertThat(viewer.get("/api/v1/orders").status()).isEqualTo(200);
        String body = order(uniqueId("viewer"), "AAPL", "BUY", "LMT", "1", "1.00");
        ApiClient.Response placed = viewer.post("/api/v1/orders", body);
        assertThat(placed.status()).isEqualTo(403);
        assertThat(placed.text("hint")).contains(Scopes.ORDERS_PLACE);
        assertThat(api.get("/api/v1/orders?limit=500").body().path("items").toString())
                .doesNotContain("viewer-");
    }

    @Test
    void keyWithoutCancelScopeCannotCancelAnOrderItMayPlace() {
        List<String> scopes = new ArrayList<>(Role.TRADER.scopes());
        scopes.remove(Scopes.ORDERS_CANCEL);
        ApiClient trader = api.withKey(apiKeys.create("demo", "no-cancel", scopes));
        ApiClient.Response placed = trader.post("/api/v1/orders", order(uniqueId("nocancel"), "AAPL", "BUY", "LMT", "1", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.text("id");
        ApiClient.Response cancel = trader.post("/api/v1/orders/" + id + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(trader.get("/api/v1/orders/" + id).text("state")).isNotIn("PENDING_CANCEL", "CANCELED");
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", "{}").status()).isIn(200, 202);
    }

    private ApiClient keyWithout(String scope) {
        return keysWithout.computeIfAbsent(scope, s -> {
            List<String> scopes = new ArrayList<>(Scopes.NAMED);
            scopes.remove(s);
            return api.withKey(apiKeys.create("demo", "without " + s, scopes));
        });
    }

    /** The path with every template variable replaced by an id nobody has. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
