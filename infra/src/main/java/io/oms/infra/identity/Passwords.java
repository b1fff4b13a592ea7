package io.oms.infra.identity;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id (Spring Security's encoder with its current recommended parameters) behind a
 * {@link DelegatingPasswordEncoder}, so every stored hash names its algorithm ({@code {argon2}...}) and older
 * ones ({@code {bcrypt}...}, or Argon2 with weaker parameters) still verify and are re-hashed at the next login
 * ({@link #needsUpgrade}).
 */
public final class Passwords {
    private static final String CURRENT = "argon2";

    private final PasswordEncoder encoder;
    /** A real hash of a random password: an unknown email is checked against it so it costs the same work. */
    private final String dummyHash;

    public Passwords() {
        this(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    /** With a given Argon2 encoder (tests use cheaper parameters to show upgrades). */
    public Passwords(Argon2PasswordEncoder argon2) {
        this.encoder = new DelegatingPasswordEncoder(CURRENT,
                Map.of(CURRENT, argon2, "bcrypt", new BCryptPasswordEncoder()));
        this.dummyHash = encoder.encode(OpaqueTokens.generate());
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) return false;
        try {
            return encoder.matches(password, storedHash);
        } catch (IllegalArgumentException unknownAlgorithm) {
            return false;
        }
    }

    /** Does the same work as {@link #matches} for a user that does not exist; always false. */
    public boolean matchesNobody(String password) {
        encoder.matches(password == null ? "" : password, dummyHash);
        return false;
    }

    /** True when the hash is of another algorithm or of outdated parameters: store a fresh one. */
    public boolean needsUpgrade(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }
}
