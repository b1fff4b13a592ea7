package io.oms.api.security;

import io.oms.api.error.ErrorEnvelope;
import io.oms.api.error.TraceIds;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <api key>}; the key decides the tenant.
 * The full identity system (users, JWT, scopes per endpoint) comes later and keeps this contract.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyAuthentication extends OncePerRequestFilter {
    public static final String PRINCIPAL = "oms.principal";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final JsonMapper json;

    public ApiKeyAuthentication(ApiKeys apiKeys, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<ApiPrincipal> principal = header != null && header.startsWith(BEARER)
                ? apiKeys.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (principal.isEmpty()) {
            response.setStatus(ErrorCode.UNAUTHENTICATED.httpStatus());
            response.setContentType("application/json");
            response.setHeader("WWW-Authenticate", "Bearer");
            json.writeValue(response.getOutputStream(), new ErrorEnvelope(TraceIds.of(request),
                    ErrorCode.UNAUTHENTICATED.name(), "a valid API key is required", List.of(),
                    "send Authorization: Bearer <api key>"));
            return;
        }
        request.setAttribute(PRINCIPAL, principal.get());
        chain.doFilter(request, response);
    }
}
