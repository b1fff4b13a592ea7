package io.oms.api.security;

import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiPrincipal;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link ApiPrincipal} as Spring Security sees it: one authority per scope. */
final class PrincipalAuthentication extends AbstractAuthenticationToken {
    private final ApiPrincipal principal;

    PrincipalAuthentication(ApiPrincipal principal) {
        super(authorities(principal));
        this.principal = principal;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(ApiPrincipal principal) {
        List<String> scopes = principal.scopes().contains(Scopes.ALL) ? Scopes.NAMED : principal.scopes();
        return scopes.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiPrincipal getPrincipal() {
        return principal;
    }
}
