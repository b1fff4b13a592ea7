package io.oms.api.security;

import static io.oms.infra.identity.Scopes.*;
import static org.springframework.http.HttpMethod.*;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one table of who may call what: each {@code /api/v1} endpoint and the scope it requires, plus the few
 * endpoints anyone may call. {@code ApiAccessRulesTest} fails when a controller maps an endpoint that is not
 * in this table, so a new endpoint cannot ship open by accident.
 */
public final class ApiAccessRules {
    /** One row: method and path pattern (Spring path-pattern syntax) and the required scope; null = public. */
    public record Rule(HttpMethod method, String path, String scope) {}

    public static final List<Rule> RULES = List.of(
            new Rule(POST, "/api/v1/orders", ORDERS_PLACE),
            new Rule(POST, "/api/v1/orders/batch", ORDERS_PLACE),
            new Rule(POST, "/api/v1/orders/batch/cancel", ORDERS_CANCEL),
            new Rule(GET, "/api/v1/orders", ORDERS_VIEW),
            new Rule(GET, "/api/v1/orders:by_client_order_id", ORDERS_VIEW),
            new Rule(GET, "/api/v1/orders/{id}", ORDERS_VIEW),
            new Rule(PATCH, "/api/v1/orders/{id}", ORDERS_MODIFY),
            new Rule(POST, "/api/v1/orders/{id}/cancel", ORDERS_CANCEL),
            new Rule(GET, "/api/v1/orders/{id}/executions", ORDERS_VIEW),
            new Rule(GET, "/api/v1/positions", POSITIONS_VIEW),
            new Rule(GET, "/api/v1/pnl/today", PNL_VIEW),
            new Rule(GET, "/api/v1/pnl/history", PNL_VIEW),
            new Rule(GET, "/api/v1/audit", AUDIT_VIEW),
            new Rule(GET, "/api/v1/audit/verify", AUDIT_VIEW),
            // API conventions: the OpenAPI document and its UI are public.
            new Rule(GET, "/v3/api-docs", null),
            new Rule(GET, "/v3/api-docs/**", null),
            new Rule(GET, "/swagger-ui.html", null),
            new Rule(GET, "/swagger-ui/**", null));

    private static final List<RequestMatcher> MATCHERS = RULES.stream()
            .<RequestMatcher>map(r -> PathPatternRequestMatcher.withDefaults().matcher(r.method(), r.path()))
            .toList();

    private ApiAccessRules() {}

    /** The scope the endpoint of this request requires; null when public or not in the table. */
    static String scopeFor(HttpServletRequest request) {
        for (int i = 0; i < RULES.size(); i++) {
            if (MATCHERS.get(i).matches(request)) return RULES.get(i).scope();
        }
        return null;
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (int i = 0; i < RULES.size(); i++) {
            var matcher = registry.requestMatchers(MATCHERS.get(i));
            String scope = RULES.get(i).scope();
            if (scope == null) matcher.permitAll();
            else matcher.hasAuthority(scope);
        }
        // Unknown /api paths still need a principal (then answer 404); the table test keeps real ones listed.
        registry.requestMatchers("/api/**").authenticated();
        registry.anyRequest().permitAll();
    }
}
