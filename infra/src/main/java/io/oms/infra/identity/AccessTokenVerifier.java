package io.oms.infra.identity;

import io.oms.infra.security.ApiPrincipal;
import java.util.Optional;

/**
 * Verifies a bearer access token (a JWT issued at login or refresh): signature against the published keys,
 * expiry, issuer, and that its session is not revoked. Empty for anything not valid; never throws for a bad
 * token. The API's authentication asks this for every bearer credential that is not an API key.
 */
public interface AccessTokenVerifier {
    Optional<ApiPrincipal> verify(String token);
}
