package io.oms.infra.identity;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their memberships and their failed-login counters. Emails are stored and looked up lowercased. */
@Repository
public class UserRepository {
    private static final String COLUMNS = "id, email, display_name, password_hash, system_admin, created_at, "
            + "disabled_at, failed_logins, locked_until";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Inserts the user; false when the email is taken. */
    public boolean insert(UUID id, String email, String displayName, String passwordHash, boolean systemAdmin) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, system_admin)
                        VALUES (:id, :email, :name, :hash, :admin) ON CONFLICT (email) DO NOTHING""")
                .param("id", id).param("email", normalize(email)).param("name", displayName)
                .param("hash", passwordHash).param("admin", systemAdmin)
                .update() == 1;
    }

    public Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", normalize(email)).query(UserRepository::map).optional();
    }

    public Optional<UserRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id)
                .query(UserRepository::map).optional();
    }

    public void setSystemAdmin(UUID userId) {
        jdbc.sql("UPDATE users SET system_admin = true WHERE id = :id").param("id", userId).update();
    }

    public void updatePasswordHash(UUID userId, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :h WHERE id = :id").param("h", hash).param("id", userId).update();
    }

    /**
     * Counts one failed login, atomically: a lock that has already run out starts a fresh count; the
     * {@code maxFailures}-th consecutive failure locks the account until {@code lockUntil}. Returns the row after.
     */
    public UserRow recordFailure(UUID userId, Instant now, int maxFailures, Instant lockUntil) {
        String lapsed = "(locked_until IS NOT NULL AND locked_until <= :now)";
        String count = "(CASE WHEN " + lapsed + " THEN 1 ELSE failed_logins + 1 END)";
        return jdbc.sql("UPDATE users SET failed_logins = " + count + ", locked_until = CASE WHEN " + count
                        + " >= :max THEN :until WHEN " + lapsed + " THEN NULL ELSE locked_until END"
                        + " WHERE id = :id RETURNING " + COLUMNS)
                .param("now", Timestamps.bind(now)).param("max", maxFailures)
                .param("until", Timestamps.bind(lockUntil)).param("id", userId)
                .query(UserRepository::map).single();
    }

    /** Clears the failure counter and any lock (successful login, unlock token, admin unlock). */
    public void clearFailures(UUID userId) {
        jdbc.sql("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id AND "
                        + "(failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param("id", userId).update();
    }

    private static UserRow map(ResultSet rs, int rowNum) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("system_admin"), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "disabled_at"), rs.getInt("failed_logins"), Timestamps.read(rs, "locked_until"));
    }
}
