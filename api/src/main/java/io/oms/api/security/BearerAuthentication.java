package io.oms.api.security;

import io.oms.infra.identity.AccessTokenVerifier;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <credential>}: an API key ({@code oms_...}) or an access token (JWT).
 * A valid one becomes the request's {@link ApiPrincipal} (request attribute {@link #PRINCIPAL}, for controllers)
 * and its Spring Security authentication (for the access rules). An invalid one is not an error here: the
 * request goes on unauthenticated and the access rules answer 401 where a principal is needed.
 */
public class BearerAuthentication extends OncePerRequestFilter {
    public static final String PRINCIPAL = "oms.principal";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final Optional<AccessTokenVerifier> accessTokens;

    public BearerAuthentication(ApiKeys apiKeys, Optional<AccessTokenVerifier> accessTokens) {
        this.apiKeys = apiKeys;
        this.accessTokens = accessTokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            authenticate(header.substring(BEARER.length()).trim()).ifPresent(principal -> {
                request.setAttribute(PRINCIPAL, principal);
                SecurityContextHolder.getContext().setAuthentication(new PrincipalAuthentication(principal));
            });
        }
        chain.doFilter(request, response);
    }

    private Optional<ApiPrincipal> authenticate(String credential) {
        if (credential.startsWith("oms_")) return apiKeys.authenticate(credential);
        return accessTokens.flatMap(verifier -> verifier.verify(credential));
    }
}
