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
            // Kill switches (GLOBAL additionally needs system:admin, checked by the service).
            new Rule(POST, "/api/v1/kill-switches", RISK_MANAGE),
            new Rule(POST, "/api/v1/kill-switches/release", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/kill-switches/{scope}/{scopeId}", RISK_MANAGE),
            new Rule(GET, "/api/v1/kill-switches", RISK_MANAGE),
            new Rule(GET, "/api/v1/audit", AUDIT_VIEW),
            new Rule(GET, "/api/v1/audit/verify", AUDIT_VIEW),
            // Pre-trade risk: limits, their usage and the restricted symbols (issue 6).
            new Rule(GET, "/api/v1/risk/limits", RISK_MANAGE),
            new Rule(POST, "/api/v1/risk/limits", RISK_MANAGE),
            new Rule(GET, "/api/v1/risk/limits/{id}", RISK_MANAGE),
            new Rule(PUT, "/api/v1/risk/limits/{id}", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/risk/limits/{id}", RISK_MANAGE),
            new Rule(GET, "/api/v1/risk/status", RISK_MANAGE),
            new Rule(GET, "/api/v1/risk/restricted-symbols", RISK_MANAGE),
            new Rule(PUT, "/api/v1/risk/restricted-symbols/{symbol}", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/risk/restricted-symbols/{symbol}", RISK_MANAGE),
            new Rule(GET, "/api/v1/risk/restricted-accounts", RISK_MANAGE),
            new Rule(PUT, "/api/v1/risk/restricted-accounts/{account}", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/risk/restricted-accounts/{account}", RISK_MANAGE),
            // Overrides: made and revoked with risk:override, read like the rest of the risk state.
            new Rule(POST, "/api/v1/risk/overrides", RISK_OVERRIDE),
            new Rule(GET, "/api/v1/risk/overrides", RISK_MANAGE),
            new Rule(GET, "/api/v1/risk/overrides/{id}", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/risk/overrides/{id}", RISK_OVERRIDE),
            // Circuit breakers: thresholds that engage a kill switch automatically (issue 6).
            new Rule(GET, "/api/v1/risk/circuit-breakers", RISK_MANAGE),
            new Rule(PUT, "/api/v1/risk/circuit-breakers/{kind}", RISK_MANAGE),
            new Rule(DELETE, "/api/v1/risk/circuit-breakers/{kind}", RISK_MANAGE),
            // MFA: any signed-in user manages their own second factor (the controller refuses API keys)
            new Rule(POST, "/api/v1/auth/mfa/totp/enrol", AUTH_LOGIN),
            new Rule(POST, "/api/v1/auth/mfa/totp/confirm", AUTH_LOGIN),
            new Rule(POST, "/api/v1/auth/mfa/recovery-codes", AUTH_LOGIN),
            new Rule(GET, "/api/v1/auth/mfa", AUTH_LOGIN),
            new Rule(DELETE, "/api/v1/auth/mfa", AUTH_LOGIN),
            // API keys: one's own (every key of the tenant with tenants:admin, decided by the controller).
            new Rule(GET, "/api/v1/api-keys", AUTH_LOGIN),
            new Rule(POST, "/api/v1/api-keys", AUTH_LOGIN),
            new Rule(POST, "/api/v1/api-keys/{id}/rotate", AUTH_LOGIN),
            new Rule(DELETE, "/api/v1/api-keys/{id}", AUTH_LOGIN),
            // Tenants: system administrators only.
            new Rule(GET, "/api/v1/tenants", SYSTEM_ADMIN),
            new Rule(POST, "/api/v1/tenants", SYSTEM_ADMIN),
            new Rule(GET, "/api/v1/tenants/{id}", SYSTEM_ADMIN),
            new Rule(PUT, "/api/v1/tenants/{id}", SYSTEM_ADMIN),
            new Rule(DELETE, "/api/v1/tenants/{id}", SYSTEM_ADMIN),
            // Members and invites of the caller's tenant.
            new Rule(GET, "/api/v1/members", TENANTS_MANAGE),
            new Rule(PUT, "/api/v1/members/{userId}", TENANTS_ADMIN),
            new Rule(DELETE, "/api/v1/members/{userId}", TENANTS_ADMIN),
            // Any signed-in user may accept an invite made out to their email (the controller checks who).
            new Rule(POST, "/api/v1/invites/accept", null),
            new Rule(POST, "/api/v1/invites", TENANTS_ADMIN),
            new Rule(GET, "/api/v1/invites", TENANTS_ADMIN),
            new Rule(DELETE, "/api/v1/invites/{id}", TENANTS_ADMIN),
            new Rule(GET, "/api/v1/tenant/ip-allowlist", TENANTS_ADMIN),
            new Rule(PUT, "/api/v1/tenant/ip-allowlist", TENANTS_ADMIN),
            new Rule(GET, "/api/v1/brokers/accounts/{account}/credentials", BROKERS_VIEW),
            new Rule(PUT, "/api/v1/brokers/accounts/{account}/credentials", BROKERS_CONNECT),
            // Reconciliation (issue 7): read with brokers:view; asking for a run or acknowledging a drift, brokers:connect.
            new Rule(GET, "/api/v1/reconciliation/runs", BROKERS_VIEW),
            new Rule(GET, "/api/v1/reconciliation/runs/{id}", BROKERS_VIEW),
            new Rule(POST, "/api/v1/reconciliation/runs", BROKERS_CONNECT),
            new Rule(GET, "/api/v1/reconciliation/accounts", BROKERS_VIEW),
            new Rule(GET, "/api/v1/reconciliation/discrepancies", BROKERS_VIEW),
            new Rule(POST, "/api/v1/reconciliation/discrepancies/{id}/acknowledge", BROKERS_CONNECT),
            // Inbound webhooks (issue 8): the receiver is public, the source's Standard Webhooks signature is its
            // authentication (rate limited by address like any anonymous call). These rows come before any
            // /api/v1/webhooks/{id}/... row: the first matching row decides.
            new Rule(POST, "/api/v1/webhooks/inbound/{source}", null),
            new Rule(POST, "/api/v1/webhooks/inbound-sources", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhooks/inbound-sources", WEBHOOKS_MANAGE),
            new Rule(DELETE, "/api/v1/webhooks/inbound-sources/{id}", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhooks/inbound-sources/{id}/messages", WEBHOOKS_MANAGE),
            // The live event stream of the caller's tenant (server-sent events).
            new Rule(GET, "/api/v1/events/stream", ORDERS_VIEW),
            // Outbound webhooks (issue 8): endpoints, their deliveries and dead letters; the tenant's policy is an admin's.
            new Rule(GET, "/api/v1/webhooks", WEBHOOKS_MANAGE),
            new Rule(POST, "/api/v1/webhooks", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhooks/{id}", WEBHOOKS_MANAGE),
            new Rule(PUT, "/api/v1/webhooks/{id}", WEBHOOKS_MANAGE),
            new Rule(DELETE, "/api/v1/webhooks/{id}", WEBHOOKS_MANAGE),
            new Rule(POST, "/api/v1/webhooks/{id}/rotate-secret", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhooks/{id}/deliveries", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhook-deliveries/{id}", WEBHOOKS_MANAGE),
            new Rule(POST, "/api/v1/webhook-deliveries/{id}/redeliver", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/webhook-dead-letters", WEBHOOKS_MANAGE),
            new Rule(GET, "/api/v1/tenant/webhook-settings", TENANTS_ADMIN),
            new Rule(PUT, "/api/v1/tenant/webhook-settings", TENANTS_ADMIN),
            // Users, login and tokens: the public ones are those used before there is an access token.
            new Rule(POST, "/api/v1/auth/register", null),
            new Rule(POST, "/api/v1/auth/login", null),
            new Rule(POST, "/api/v1/auth/refresh", null),
            new Rule(POST, "/api/v1/auth/unlock/request", null),
            new Rule(POST, "/api/v1/auth/unlock", null),
            new Rule(GET, "/api/v1/auth/jwks", null),
            new Rule(GET, "/.well-known/jwks.json", null),
            new Rule(POST, "/api/v1/auth/logout", AUTH_LOGIN),
            new Rule(GET, "/api/v1/auth/me", AUTH_LOGIN),
            new Rule(GET, "/api/v1/auth/sessions", AUTH_LOGIN),
            new Rule(DELETE, "/api/v1/auth/sessions/{id}", AUTH_LOGIN),
            new Rule(POST, "/api/v1/users/{id}/unlock", TENANTS_ADMIN),
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
