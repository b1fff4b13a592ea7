package io.oms.infra.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users, login and tokens: token lifetimes, signing-key rotation, lockout, unlock tokens and how long a
 * session's revocation may stay unseen by a process ({@code revocationCache}: the bound on how late a revoked
 * session's access tokens stop working).
 */
@ConfigurationProperties("oms.identity")
public record IdentityProperties(@DefaultValue("oms") String issuer,
                                 @DefaultValue("15m") Duration accessTokenTtl,
                                 @DefaultValue("7d") Duration refreshTokenTtl,
                                 @DefaultValue("7d") Duration signingKeyRotation,
                                 @DefaultValue("5") int lockoutMaxFailures,
                                 @DefaultValue("15m") Duration lockoutDuration,
                                 @DefaultValue("30m") Duration unlockTokenTtl,
                                 @DefaultValue("5s") Duration revocationCache) {
    public IdentityProperties {
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("oms.identity.issuer must not be blank");
        between("access-token-ttl", accessTokenTtl, Duration.ofMinutes(1), Duration.ofHours(1));
        between("refresh-token-ttl", refreshTokenTtl, Duration.ofMinutes(10), Duration.ofDays(90));
        between("signing-key-rotation", signingKeyRotation, Duration.ofHours(1), Duration.ofDays(90));
        between("lockout-duration", lockoutDuration, Duration.ofMinutes(1), Duration.ofDays(1));
        between("unlock-token-ttl", unlockTokenTtl, Duration.ofMinutes(5), Duration.ofDays(1));
        between("revocation-cache", revocationCache, Duration.ZERO, Duration.ofSeconds(30));
        if (lockoutMaxFailures < 1 || lockoutMaxFailures > 100) {
            throw new IllegalArgumentException("oms.identity.lockout-max-failures must be between 1 and 100, not "
                    + lockoutMaxFailures);
        }
    }

    /** The defaults (for code that builds the identity services without Spring, e.g. tests). */
    public static IdentityProperties defaults() {
        return new IdentityProperties("oms", Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(7), 5,
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofSeconds(5));
    }

    private static void between(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("oms.identity." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
