package io.oms.api.protection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.api.audit.ClientAddress;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.security.SecurityErrors;
import io.oms.infra.config.AuditProperties;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits {@code /api} requests in the security chain, after the credential is known: an authenticated
 * request spends a token of its key's or user's bucket, any other one (login, register, refresh, a wrong key)
 * a token of its client address's bucket. Every answer carries {@code RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} (seconds until the bucket is full); a refusal is 429 {@code RATE_LIMITED} with
 * {@code Retry-After}, counted in {@code oms.api.rate_limited}.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final TenantProtectionCache tenants;
    private final AuditProperties proxies;
    private final SecurityErrors errors;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimiter limiter, TenantProtectionCache tenants, AuditProperties proxies,
                           SecurityErrors errors, MeterRegistry meters) {
        this.limiter = limiter;
        this.tenants = tenants;
        this.proxies = proxies;
        this.errors = errors;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiPrincipal principal = (ApiPrincipal) request.getAttribute(BearerAuthentication.PRINCIPAL);
        RateLimiter.Decision decision = principal != null
                ? limiter.forPrincipal(principal, tenants.of(principal.tenantId()).rateLimit())
                : limiter.forAddress(ClientAddress.of(request, proxies.trustedProxies()));
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        String tenant = Optional.ofNullable(principal).map(ApiPrincipal::tenantId).orElse("none");
        Counter.builder("oms.api.rate_limited")
                .description("API requests refused with 429 by the rate limiter")
                .tag("tenant", tenant)
                .tag("by", principal != null ? "credential" : "address")
                .register(meters).increment();
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        errors.write(request, response, ErrorCode.RATE_LIMITED,
                principal != null ? "too many requests for this credential" : "too many requests from this address",
                "wait Retry-After seconds before sending again; RateLimit-* headers show the budget");
    }
}
