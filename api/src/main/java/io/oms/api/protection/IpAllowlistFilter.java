package io.oms.api.protection;

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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an authenticated {@code /api} request whose client address is not in its tenant's IP allowlist (an empty
 * list allows any): 403 FORBIDDEN before any controller runs, so nothing changes. The client address is the TCP
 * peer, or {@code X-Forwarded-For} as written by a configured trusted proxy ({@link ClientAddress}).
 */
public class IpAllowlistFilter extends OncePerRequestFilter {
    private final TenantProtectionCache tenants;
    private final AuditProperties proxies;
    private final SecurityErrors errors;

    public IpAllowlistFilter(TenantProtectionCache tenants, AuditProperties proxies, SecurityErrors errors) {
        this.tenants = tenants;
        this.proxies = proxies;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiPrincipal principal = (ApiPrincipal) request.getAttribute(BearerAuthentication.PRINCIPAL);
        if (principal != null) {
            String address = ClientAddress.of(request, proxies.trustedProxies());
            if (!tenants.of(principal.tenantId()).allows(address)) {
                errors.write(request, response, ErrorCode.FORBIDDEN,
                        "this tenant does not accept requests from this address",
                        "a tenant admin can add " + address + " to the tenant's IP allowlist (PUT /api/v1/tenant/ip-allowlist)");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
