package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.oms.infra.security.ApiPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningKeyRotationTest {
    private final IdentityFixture f = new IdentityFixture(IdentityProperties.defaults());
    private final UUID session = f.sessions.start(f.userId, f.tenant).session().id();

    private String issue() {
        return f.tokens.issue(f.userId, f.tenant, session, Role.TRADER.scopes()).token();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private List<String> jwksKids() {
        return f.keys.publicJwks().stream().map(k -> (String) k.get("kid")).toList();
    }

    @Test
    void tokenCarriesTheDocumentedClaimsSignedES256WithThePublishedKid() throws Exception {
        String token = issue();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwksKids()).containsExactly(jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("oms");
        assertThat(claims.getSubject()).isEqualTo(f.userId.toString());
        assertThat(claims.getStringClaim("tid")).isEqualTo(f.tenant);
        assertThat(claims.getStringClaim("sid")).isEqualTo(session.toString());
        assertThat(claims.getStringClaim("scope").split(" ")).containsExactlyInAnyOrderElementsOf(Role.TRADER.scopes());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        ApiPrincipal principal = f.tokens.verify(token).orElseThrow();
        assertThat(principal).isEqualTo(ApiPrincipal.ofUser(f.tenant, f.userId, session, principal.scopes()));
        assertThat(principal.scopes()).containsExactlyInAnyOrderElementsOf(Role.TRADER.scopes());
    }

    @Test
    void publishesOldAndNewKeysDuringTheOverlapAndDropsTheOldOnceItsTokensExpired() throws Exception {
        String first = issue();
        f.clock.advance(Duration.ofDays(7).minusMinutes(1));
        String late = issue(); // signed by the old key a minute before rotation: valid until 7d + 14m
        assertThat(kid(late)).isEqualTo(kid(first));
        f.clock.advance(Duration.ofMinutes(2));
        String rotated = issue();
        assertThat(kid(rotated)).isNotEqualTo(kid(first));
        assertThat(jwksKids()).containsExactly(kid(rotated), kid(first));
        assertThat(f.tokens.verify(late)).isPresent();
        assertThat(f.tokens.verify(rotated)).isPresent();

        f.clock.advance(Duration.ofMinutes(13)); // now 7d + 14m: the late token has expired
        assertThat(f.tokens.verify(late)).isEmpty();
        f.clock.advance(Duration.ofMinutes(3)); // past the old key's verification period (ttl + skew)
        assertThat(jwksKids()).containsExactly(kid(rotated));
        String fresh = issue();
        assertThat(kid(fresh)).isEqualTo(kid(rotated));
        assertThat(f.tokens.verify(fresh)).isPresent();
    }

    @Test
    void anotherProcessVerifiesTokensOfAKeyItHasNotSeenYetAndSignsWithTheSameKey() throws Exception {
        SigningKeys other = f.anotherProcessKeys();
        AccessTokens otherTokens = new AccessTokens(other, f.revocations, f.clock, f.settings);
        otherTokens.verify("warm.up.cache"); // nothing known yet in that process
        String token = issue();
        assertThat(otherTokens.verify(token)).isPresent();
        assertThat(other.current().kid()).isEqualTo(kid(token));
    }

    @Test
    void storesThePrivateHalfSealedAndPublishesOnlyThePublicHalf() {
        issue();
        Map<String, Object> row = f.db.jdbc.sql("SELECT public_jwk, private_key_sealed FROM signing_keys").query()
                .singleRow();
        assertThat((String) row.get("private_key_sealed")).startsWith("v1.test.").doesNotContain("\"d\"");
        assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"");
        assertThat(f.keys.publicJwks().getFirst()).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("alg", "ES256").doesNotContainKey("d");
    }

    @Test
    void refusesExpiredTokens() {
        String token = issue();
        f.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(f.tokens.verify(token)).isPresent();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.tokens.verify(token)).isEmpty();
    }

    @Test
    void refusesUnsignedTamperedAndForeignKeyTokens() throws Exception {
        String token = issue();
        String[] parts = token.split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + kid(token) + "\"}").toString();
        assertThat(f.tokens.verify(none + "." + parts[1] + ".")).isEmpty();

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        JWTClaimsSet escalated = new JWTClaimsSet.Builder(claims).claim("scope", "tenants:admin system:admin").build();
        String tampered = parts[0] + "." + Base64URL.encode(escalated.toString()) + "." + parts[2];
        assertThat(f.tokens.verify(tampered)).isEmpty();

        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(kid(token)).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid(token)).build(), escalated);
        forged.sign(new ECDSASigner(foreign));
        assertThat(f.tokens.verify(forged.serialize())).isEmpty();

        // HS256 keyed with the published public key: the classic algorithm-confusion attack.
        byte[] publicAsSecret = f.keys.publicJwks().getFirst().toString().repeat(2).getBytes(StandardCharsets.UTF_8);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid(token)).build(), claims);
        hmac.sign(new MACSigner(publicAsSecret));
        assertThat(f.tokens.verify(hmac.serialize())).isEmpty();

        assertThat(f.tokens.verify("not-a-jwt")).isEmpty();
        assertThat(f.tokens.verify(null)).isEmpty();
    }

    @Test
    void refusesTokensOfAnotherIssuerOrAnUnknownKid() throws Exception {
        IdentityProperties d = IdentityProperties.defaults();
        IdentityProperties otherIssuer = new IdentityProperties("someone-else", d.accessTokenTtl(), d.refreshTokenTtl(),
                d.signingKeyRotation(), d.lockoutMaxFailures(), d.lockoutDuration(), d.unlockTokenTtl(),
                d.revocationCache());
        String foreign = new AccessTokens(f.keys, f.revocations, f.clock, otherIssuer)
                .issue(f.userId, f.tenant, session, List.of("orders:view")).token();
        assertThat(f.tokens.verify(foreign)).isEmpty();

        ECKey unknown = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(unknown.getKeyID()).build(),
                SignedJWT.parse(issue()).getJWTClaimsSet());
        jwt.sign(new ECDSASigner(unknown));
        assertThat(f.tokens.verify(jwt.serialize())).isEmpty();
    }

    @Test
    void refusesTokensOfARevokedSession() {
        String token = issue();
        f.sessions.revoke(session, "test");
        assertThat(f.tokens.verify(token)).isEmpty();
    }
}
