package io.oms.infra.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.persistence.Timestamps;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rotating access-token signing keys (table {@code signing_keys}). The current key signs for
 * {@code rotation}; then the next caller creates a new one (under an advisory lock, so processes agree on one).
 * A retired key stays published and verifying for the access-token lifetime plus a minute of skew, so every
 * token it signed expires first. The private halves are stored sealed ({@link SecretSealer}).
 *
 * <p>Keys are cached in memory: re-read at most every {@link #REFRESH} and, for an unknown {@code kid}, at most
 * once per {@link #MISS_BACKOFF} (so a stream of forged kids cannot turn into a stream of queries).
 */
public class SigningKeys {
    static final Duration SKEW = Duration.ofMinutes(1);
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final Duration MISS_BACKOFF = Duration.ofSeconds(1);
    /** Advisory lock key of key creation ("oms-sigk" in ASCII). */
    private static final long LOCK_KEY = 0x6f6d732d7369676bL;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Duration rotation;
    private final Duration accessTokenTtl;

    private volatile SigningKey current;
    private volatile Map<String, SigningKey> known = Map.of();
    private volatile Instant loadedAt = Instant.MIN;

    public SigningKeys(JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, Clock clock,
                       IdentityProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sealer = sealer;
        this.clock = clock;
        this.rotation = properties.signingKeyRotation();
        this.accessTokenTtl = properties.accessTokenTtl();
    }

    /** The key to sign with now, creating the next one when the current one's signing period is over. */
    SigningKey current() {
        SigningKey key = current;
        if (key != null && key.signUntil().isAfter(clock.instant())) return key;
        synchronized (this) {
            Instant now = clock.instant();
            if (current == null || !current.signUntil().isAfter(now)) {
                current = tx.execute(status -> loadOrCreate(now));
                reload(now);
            }
            return current;
        }
    }

    /** The key that verifies tokens with this kid, if it is known and not past its verification period. */
    Optional<SigningKey> forVerification(String kid) {
        Instant now = clock.instant();
        SigningKey key = known.get(kid);
        if (key == null || loadedAt.plus(REFRESH).isBefore(now)) {
            if (key != null || loadedAt.plus(MISS_BACKOFF).isBefore(now)) {
                reload(now);
                key = known.get(kid);
            }
        }
        return Optional.ofNullable(key).filter(k -> k.verifyUntil().isAfter(now));
    }

    /** Every public key a valid token may have been signed with (the JWKS), newest first. */
    public List<Map<String, Object>> publicJwks() {
        current(); // so a fresh installation publishes its first key before issuing a token
        Instant now = clock.instant();
        if (loadedAt.plus(REFRESH).isBefore(now)) reload(now);
        return known.values().stream().filter(k -> k.verifyUntil().isAfter(now))
                .sorted((a, b) -> b.signUntil().compareTo(a.signUntil()))
                .map(k -> k.publicJwk().toJSONObject()).toList();
    }

    private synchronized void reload(Instant now) {
        List<SigningKey> rows = jdbc.sql("""
                        SELECT kid, public_jwk, sign_until, verify_until FROM signing_keys
                        WHERE verify_until > :now ORDER BY sign_until DESC LIMIT 100""")
                .param("now", Timestamps.bind(now))
                .query((rs, n) -> SigningKey.of(parse(rs.getString("public_jwk")), Timestamps.read(rs, "sign_until"),
                        Timestamps.read(rs, "verify_until")))
                .list();
        known = rows.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        loadedAt = now;
    }

    private SigningKey loadOrCreate(Instant now) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").param("key", LOCK_KEY)
                .query().listOfRows();
        Optional<SigningKey> existing = jdbc.sql("""
                        SELECT kid, private_key_sealed, sign_until, verify_until FROM signing_keys
                        WHERE sign_until > :now AND created_at <= :now ORDER BY created_at DESC LIMIT 1""")
                .param("now", Timestamps.bind(now))
                .query((rs, n) -> SigningKey.of(parse(sealer.openString(rs.getString("private_key_sealed"),
                        context(rs.getString("kid")))), Timestamps.read(rs, "sign_until"),
                        Timestamps.read(rs, "verify_until")))
                .optional();
        if (existing.isPresent()) return existing.get();
        jdbc.sql("DELETE FROM signing_keys WHERE verify_until < :cutoff")
                .param("cutoff", Timestamps.bind(now.minus(Duration.ofDays(1)))).update();
        return create(now);
    }

    private SigningKey create(Instant now) {
        String kid = UUID.randomUUID().toString();
        ECKey jwk;
        try {
            jwk = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
        Instant signUntil = now.plus(rotation);
        Instant verifyUntil = signUntil.plus(accessTokenTtl).plus(SKEW);
        jdbc.sql("""
                        INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key_sealed, created_at, sign_until,
                                                  verify_until)
                        VALUES (:kid, 'ES256', :pub, :priv, :created, :signUntil, :verifyUntil)""")
                .param("kid", kid).param("pub", jwk.toPublicJWK().toJSONString())
                .param("priv", sealer.seal(jwk.toJSONString(), context(kid)))
                .param("created", Timestamps.bind(now)).param("signUntil", Timestamps.bind(signUntil))
                .param("verifyUntil", Timestamps.bind(verifyUntil)).update();
        return SigningKey.of(jwk, signUntil, verifyUntil);
    }

    private static String context(String kid) {
        return "jwt-signing-key:" + kid;
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is not an EC JWK", e);
        }
    }
}
