package io.oms.infra.identity.mfa;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of a user's second factor. Every change that must happen once (confirming, using a step, using a
 * recovery code) is one conditional UPDATE, so two concurrent requests cannot both succeed.
 */
@Repository
public class MfaRepository {
    /** A user's TOTP enrolment; {@code lastUsedStep} null until a code has been accepted. */
    public record TotpRow(UUID userId, String secretSealed, Instant createdAt, Instant confirmedAt, Long lastUsedStep,
                          Instant lockedUntil) {
        public boolean confirmed() {
            return confirmedAt != null;
        }

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public record RecoveryCodeRow(UUID id, String codeHash) {}

    private final JdbcClient jdbc;

    public MfaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The email of an enabled user (the otpauth label). */
    public Optional<String> emailOf(UUID userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = :id AND disabled_at IS NULL")
                .param("id", userId).query(String.class).optional();
    }

    public Optional<TotpRow> find(UUID userId) {
        return jdbc.sql("SELECT user_id, secret_sealed, created_at, confirmed_at, last_used_step, locked_until FROM user_totp WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new TotpRow(rs.getObject("user_id", UUID.class), rs.getString("secret_sealed"),
                        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "confirmed_at"),
                        rs.getObject("last_used_step", Long.class), Timestamps.read(rs, "locked_until")))
                .optional();
    }

    /** Stores a pending secret, replacing a pending one; false (nothing changed) when one is confirmed. */
    public boolean upsertPending(UUID userId, String secretSealed) {
        return jdbc.sql("""
                INSERT INTO user_totp (user_id, secret_sealed) VALUES (:u, :s)
                ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now(),
                    last_used_step = NULL
                WHERE user_totp.confirmed_at IS NULL""")
                .param("u", userId).param("s", secretSealed).update() == 1;
    }

    /** Confirms the pending secret that was checked (not one that replaced it meanwhile), using up its step. */
    public boolean confirm(UUID userId, String secretSealed, long step) {
        return jdbc.sql("""
                UPDATE user_totp SET confirmed_at = now(), last_used_step = :step
                WHERE user_id = :u AND confirmed_at IS NULL AND secret_sealed = :s""")
                .param("u", userId).param("s", secretSealed).param("step", step).update() == 1;
    }

    /** Records {@code step} as used; false when it (or a later one) already was, or there is no confirmed secret. */
    public boolean useStep(UUID userId, long step) {
        return jdbc.sql("""
                UPDATE user_totp SET last_used_step = :step, failed_attempts = 0
                WHERE user_id = :u AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < :step)""")
                .param("u", userId).param("step", step).update() == 1;
    }

    /** Counts a wrong code; the {@code max}-th in a row locks every code out until {@code lockUntil}. */
    public void recordFailure(UUID userId, int max, Instant lockUntil) {
        jdbc.sql("""
                UPDATE user_totp SET
                    failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END,
                    locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                WHERE user_id = :u AND confirmed_at IS NOT NULL""")
                .param("u", userId).param("max", max).param("until", Timestamps.bind(lockUntil)).update();
    }

    public void clearFailures(UUID userId) {
        jdbc.sql("UPDATE user_totp SET failed_attempts = 0 WHERE user_id = :u AND failed_attempts <> 0")
                .param("u", userId).update();
    }

    /** Replaces all of the user's recovery codes (used or not) with these hashes. */
    public void replaceRecoveryCodes(UUID userId, List<String> hashes) {
        jdbc.sql("DELETE FROM user_recovery_codes WHERE user_id = :u").param("u", userId).update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO user_recovery_codes (id, user_id, code_hash) VALUES (:id, :u, :h)")
                    .param("id", UuidV7.next()).param("u", userId).param("h", hash).update();
        }
    }

    public List<RecoveryCodeRow> unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("SELECT id, code_hash FROM user_recovery_codes WHERE user_id = :u AND used_at IS NULL ORDER BY id")
                .param("u", userId)
                .query((rs, n) -> new RecoveryCodeRow(rs.getObject("id", UUID.class), rs.getString("code_hash")))
                .list();
    }

    public int countUnusedRecoveryCodes(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM user_recovery_codes WHERE user_id = :u AND used_at IS NULL")
                .param("u", userId).query(Integer.class).single();
    }

    /** Uses a recovery code up; false when another request used it first. */
    public boolean useRecoveryCode(UUID codeId) {
        return jdbc.sql("UPDATE user_recovery_codes SET used_at = now() WHERE id = :id AND used_at IS NULL")
                .param("id", codeId).update() == 1;
    }

    /** Removes the user's secret and recovery codes; false when there was no secret. */
    public boolean delete(UUID userId) {
        jdbc.sql("DELETE FROM user_recovery_codes WHERE user_id = :u").param("u", userId).update();
        return jdbc.sql("DELETE FROM user_totp WHERE user_id = :u").param("u", userId).update() == 1;
    }
}
