package io.oms.api.auth;

import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.SigningKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public halves of the access-token signing keys (RFC 7517 JWK Set): the current key and any retired
 * one whose tokens may still be unexpired. Cacheable briefly, so a verifier elsewhere sees a new key soon.
 */
@ApiRole
@RestController
public class JwksController {
    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping({"/.well-known/jwks.json", "/api/v1/auth/jwks"})
    ResponseEntity<Map<String, List<Map<String, Object>>>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(Map.of("keys", keys.publicJwks()));
    }
}
