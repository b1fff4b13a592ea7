package io.oms.infra.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/**
 * One access-token signing key (ES256, P-256): its id, its public JWK, and a signer when this process holds
 * the private half (only the current key's is ever opened). Signs until {@code signUntil}, verifies until
 * {@code verifyUntil}.
 */
record SigningKey(String kid, ECKey publicJwk, JWSSigner signer, JWSVerifier verifier, Instant signUntil,
                  Instant verifyUntil) {

    static SigningKey of(ECKey jwk, Instant signUntil, Instant verifyUntil) {
        try {
            JWSSigner signer = jwk.isPrivate() ? new ECDSASigner(jwk) : null;
            ECKey pub = jwk.toPublicJWK();
            return new SigningKey(jwk.getKeyID(), pub, signer, new ECDSAVerifier(pub), signUntil, verifyUntil);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing key " + jwk.getKeyID() + " is not usable", e);
        }
    }
}
