package io.oms.infra.identity;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions and their refresh tokens. A refresh token is exchanged once ({@link #rotate}) for a new one of the
 * same session; presenting a used one again is reuse (a stolen token racing its owner) and revokes the whole
 * session: every refresh token of the family and, through {@link SessionRevocations}, its access tokens.
 */
public class Sessions {
    private static final String COLUMNS = "s.id, s.user_id, s.tenant_id, s.created_at, s.last_used_at, s.expires_at, "
            + "s.revoked_at, s.revoked_reason";

    /** A new session and its first refresh token (plaintext, returned once). */
    public record Started(SessionRow session, String refreshToken) {}

    /** What presenting a refresh token led to. */
    public sealed interface Rotation {
        record Rotated(SessionRow session, String refreshToken) implements Rotation {}
        /** The token had been used: the session is now revoked. */
        record Reused(UUID sessionId) implements Rotation {}
        /** Unknown, expired, or of an ended session. */
        record Invalid() implements Rotation {}
    }

    private record Presented(SessionRow session, Instant usedAt, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final Duration refreshTtl;

    public Sessions(JdbcClient jdbc, TransactionTemplate tx, SessionRevocations revocations, Clock clock,
                    Duration refreshTtl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.revocations = revocations;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    public Started start(UUID userId, String tenantId) {
        Instant now = clock.instant();
        SessionRow session = new SessionRow(UuidV7.next(), userId, tenantId, now, now, now.plus(refreshTtl), null, null);
        return tx.execute(status -> {
            jdbc.sql("""
                            INSERT INTO sessions (id, user_id, tenant_id, created_at, last_used_at, expires_at)
                            VALUES (:id, :user, :tenant, :now, :now, :expires)""")
                    .param("id", session.id()).param("user", userId).param("tenant", tenantId)
                    .param("now", Timestamps.bind(now)).param("expires", Timestamps.bind(session.expiresAt())).update();
            return new Started(session, newRefreshToken(session.id(), now));
        });
    }

    public Rotation rotate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) return new Rotation.Invalid();
        Instant now = clock.instant();
        Rotation outcome = tx.execute(status -> {
            var found = jdbc.sql("SELECT " + COLUMNS + ", r.used_at AS token_used_at, r.expires_at AS token_expires_at "
                            + "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id "
                            + "WHERE r.token_hash = :hash FOR UPDATE OF r, s")
                    .param("hash", OpaqueTokens.hash(presented))
                    .query((rs, n) -> new Presented(map(rs, n), Timestamps.read(rs, "token_used_at"),
                            Timestamps.read(rs, "token_expires_at")))
                    .optional();
            if (found.isEmpty()) return new Rotation.Invalid();
            SessionRow session = found.get().session();
            Instant usedAt = found.get().usedAt();
            Instant expiresAt = found.get().expiresAt();
            if (session.revokedAt() != null) return new Rotation.Invalid();
            if (usedAt != null) {
                revokeRow(session.id(), "refresh token reuse", now);
                return new Rotation.Reused(session.id());
            }
            if (!expiresAt.isAfter(now)) return new Rotation.Invalid();
            jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash")
                    .param("now", Timestamps.bind(now)).param("hash", OpaqueTokens.hash(presented)).update();
            Instant newExpiry = now.plus(refreshTtl);
            jdbc.sql("UPDATE sessions SET last_used_at = :now, expires_at = :exp WHERE id = :id")
                    .param("now", Timestamps.bind(now)).param("exp", Timestamps.bind(newExpiry))
                    .param("id", session.id()).update();
            SessionRow updated = new SessionRow(session.id(), session.userId(), session.tenantId(), session.createdAt(),
                    now, newExpiry, null, null);
            return new Rotation.Rotated(updated, newRefreshToken(session.id(), now));
        });
        if (outcome instanceof Rotation.Reused reused) revocations.revoked(reused.sessionId());
        return outcome;
    }

    /** Revokes the user's session in this tenant; false when there is no such active session (any other's). */
    public boolean revoke(UUID sessionId, UUID userId, String tenantId, String reason) {
        int n = jdbc.sql("UPDATE sessions SET revoked_at = :now, revoked_reason = :reason WHERE id = :id "
                        + "AND user_id = :user AND tenant_id = :tenant AND revoked_at IS NULL")
                .param("now", Timestamps.bind(clock.instant())).param("reason", reason).param("id", sessionId)
                .param("user", userId).param("tenant", tenantId).update();
        if (n == 1) revocations.revoked(sessionId); // never on a miss: that session may be someone else's, and valid
        return n == 1;
    }

    /** Revokes a session whatever its owner (e.g. its membership is gone). */
    public void revoke(UUID sessionId, String reason) {
        revokeRow(sessionId, reason, clock.instant());
        revocations.revoked(sessionId);
    }

    /**
     * Revokes every active session in the tenant, of one user or (userId null) of everyone: what a membership
     * change or a tenant's deactivation does, so that access tokens issued before it stop working within the
     * revocation cache's bound instead of living out their lifetime. Answers how many were revoked.
     */
    public int revokeAll(String tenantId, UUID userId, String reason) {
        List<UUID> revoked = jdbc.sql("UPDATE sessions SET revoked_at = :now, revoked_reason = :reason "
                        + "WHERE tenant_id = :tenant AND (CAST(:user AS uuid) IS NULL OR user_id = :user) "
                        + "AND revoked_at IS NULL RETURNING id")
                .param("now", Timestamps.bind(clock.instant())).param("reason", reason).param("tenant", tenantId)
                .param("user", userId, java.sql.Types.OTHER).query(UUID.class).list();
        revoked.forEach(revocations::revoked);
        return revoked.size();
    }

    /** The user's sessions in this tenant that are neither revoked nor expired, newest first. */
    public List<SessionRow> active(UUID userId, String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions s WHERE s.user_id = :user AND s.tenant_id = :tenant "
                        + "AND s.revoked_at IS NULL AND s.expires_at > :now ORDER BY s.id DESC LIMIT 200")
                .param("user", userId).param("tenant", tenantId).param("now", Timestamps.bind(clock.instant()))
                .query(Sessions::map).list();
    }

    private void revokeRow(UUID sessionId, String reason, Instant now) {
        jdbc.sql("UPDATE sessions SET revoked_at = :now, revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamps.bind(now)).param("reason", reason).param("id", sessionId).update();
    }

    private String newRefreshToken(UUID sessionId, Instant now) {
        String token = OpaqueTokens.generate();
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) "
                        + "VALUES (:hash, :session, :now, :expires)")
                .param("hash", OpaqueTokens.hash(token)).param("session", sessionId)
                .param("now", Timestamps.bind(now)).param("expires", Timestamps.bind(now.plus(refreshTtl))).update();
        return token;
    }

    private static SessionRow map(ResultSet rs, int rowNum) throws SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("tenant_id"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_used_at"),
                Timestamps.read(rs, "expires_at"), Timestamps.read(rs, "revoked_at"), rs.getString("revoked_reason"));
    }
}
