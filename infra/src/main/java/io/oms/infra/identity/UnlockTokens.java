package io.oms.infra.identity;

import io.oms.infra.persistence.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account-unlock tokens: single use, valid for {@code ttl}, stored as SHA-256 only, delivered through the
 * {@link Notifier}. Issuing a new one voids the user's earlier unused ones.
 */
public class UnlockTokens {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserRepository users;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration ttl;

    public UnlockTokens(JdbcClient jdbc, TransactionTemplate tx, UserRepository users, Notifier notifier, Clock clock,
                        Duration ttl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.notifier = notifier;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Sends a token to the user with this email, if there is one; says nothing either way. */
    public void request(String email) {
        Optional<UserRow> user = users.findByEmail(email);
        if (user.isEmpty() || user.get().disabledAt() != null) return;
        Instant now = clock.instant();
        String token = OpaqueTokens.generate();
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE unlock_tokens SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
                    .param("now", Timestamps.bind(now)).param("user", user.get().id()).update();
            jdbc.sql("INSERT INTO unlock_tokens (token_hash, user_id, created_at, expires_at) "
                            + "VALUES (:hash, :user, :now, :expires)")
                    .param("hash", OpaqueTokens.hash(token)).param("user", user.get().id())
                    .param("now", Timestamps.bind(now)).param("expires", Timestamps.bind(now.plus(ttl))).update();
        });
        notifier.unlockToken(user.get(), token, now.plus(ttl));
    }

    /** Uses the token and unlocks its user; empty when it is unknown, used or expired. */
    public Optional<UUID> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        Instant now = clock.instant();
        return tx.execute(status -> {
            Optional<UUID> user = jdbc.sql("UPDATE unlock_tokens SET used_at = :now WHERE token_hash = :hash "
                            + "AND used_at IS NULL AND expires_at > :now RETURNING user_id")
                    .param("now", Timestamps.bind(now)).param("hash", OpaqueTokens.hash(token))
                    .query(UUID.class).optional();
            user.ifPresent(users::clearFailures);
            return user;
        });
    }
}
