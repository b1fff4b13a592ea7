package io.oms.infra.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.oms.infra.security.ApiPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens: JWTs signed ES256 with the current {@link SigningKeys} key ({@code kid} in the header), carrying
 * iss, sub (user id), tid (tenant), sid (session), scope (space-separated, the role's scopes when issued), iat,
 * exp and jti. Verification accepts only ES256 with a known, unretired kid, a valid signature, this issuer, an
 * unexpired token and a session that is not revoked (as {@link SessionRevocations} sees it).
 */
public class AccessTokens implements AccessTokenVerifier {
    private static final int MAX_TOKEN_LENGTH = 4096;
    /** Bounds the verified-token cache; past it the cache starts over. */
    private static final int MAX_CACHED = 10_000;

    /** A token whose signature, issuer and claims were checked: only its expiry and session need checking again. */
    private record Verified(ApiPrincipal principal, Instant expiresAt) {}

    public record Issued(String token, Instant expiresAt, List<String> scopes) {}

    private final SigningKeys keys;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final String issuer;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    public AccessTokens(SigningKeys keys, SessionRevocations revocations, Clock clock, IdentityProperties properties) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.issuer = properties.issuer();
        this.ttl = properties.accessTokenTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    public Issued issue(UUID userId, String tenantId, UUID sessionId, Collection<String> scopes) {
        SigningKey key = keys.current();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        List<String> sorted = scopes.stream().sorted().toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(userId.toString())
                .claim("tid", tenantId).claim("sid", sessionId.toString()).claim("scope", String.join(" ", sorted))
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), expires, sorted);
    }

    @Override
    public Optional<ApiPrincipal> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        // A token is immutable: once its signature checked out, later requests skip the ECDSA work.
        Verified known = verified.get(token);
        if (known != null) {
            if (!known.expiresAt().isAfter(clock.instant()) || revocations.isRevoked(known.principal().sessionId())) {
                verified.remove(token);
                return Optional.empty();
            }
            return Optional.of(known.principal());
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            // Only our one algorithm: no "none", no HMAC with the public key as secret, no other curve.
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) return Optional.empty();
            Optional<SigningKey> key = keys.forVerification(header.getKeyID());
            if (key.isEmpty() || !jwt.verify(key.get().verifier())) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date exp = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(now)) return Optional.empty();
            String tenant = claims.getStringClaim("tid");
            String sid = claims.getStringClaim("sid");
            String scope = claims.getStringClaim("scope");
            if (tenant == null || sid == null || scope == null || claims.getSubject() == null) return Optional.empty();
            UUID sessionId = UUID.fromString(sid);
            if (revocations.isRevoked(sessionId)) return Optional.empty();
            List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" "));
            ApiPrincipal principal = ApiPrincipal.ofUser(tenant, UUID.fromString(claims.getSubject()), sessionId, scopes);
            if (verified.size() >= MAX_CACHED) verified.clear();
            verified.put(token, new Verified(principal, exp.toInstant()));
            return Optional.of(principal);
        } catch (Exception invalid) {
            // Malformed token, bad claim types, signature failure: all simply "not valid" (never thrown).
            return Optional.empty();
        }
    }
}
