package io.oms.infra.identity;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations (token hashes only). {@link Invites} is the service to use. */
@Repository
public class InviteRepository {
    private static final String COLUMNS = "id, tenant_id, email, role, token_hash, created_by, created_at, expires_at, "
            + "accepted_at, accepted_by, revoked_at";
    /** A tenant's list is bounded: invites are few, and old ones are kept only as history. */
    static final int MAX_LIST = 500;

    private final JdbcClient jdbc;

    public InviteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(InviteRow invite) {
        jdbc.sql("INSERT INTO invites (id, tenant_id, email, role, token_hash, created_by, created_at, expires_at) "
                        + "VALUES (:id, :tenantId, :email, :role, :hash, :createdBy, :createdAt, :expiresAt)")
                .param("id", invite.id())
                .param("tenantId", invite.tenantId())
                .param("email", invite.email())
                .param("role", invite.role().name())
                .param("hash", invite.tokenHash())
                .param("createdBy", invite.createdBy())
                .param("createdAt", Timestamps.bind(invite.createdAt()))
                .param("expiresAt", Timestamps.bind(invite.expiresAt()))
                .update();
    }

    /** Newest first, at most {@link #MAX_LIST}. */
    public List<InviteRow> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invites WHERE tenant_id = :tenantId ORDER BY created_at DESC, id LIMIT "
                        + MAX_LIST)
                .param("tenantId", tenantId)
                .query(InviteRepository::map)
                .list();
    }

    public Optional<InviteRow> find(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invites WHERE tenant_id = :tenantId AND id = :id")
                .param("tenantId", tenantId)
                .param("id", id)
                .query(InviteRepository::map)
                .optional();
    }

    public Optional<InviteRow> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invites WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(InviteRepository::map)
                .optional();
    }

    /** True when the tenant has an unexpired invite for this email that is neither accepted nor revoked. */
    public boolean hasPending(String tenantId, String email) {
        return jdbc.sql("""
                        SELECT count(*) FROM invites WHERE tenant_id = :tenantId AND email = :email
                        AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
                .param("tenantId", tenantId)
                .param("email", email)
                .query(Long.class)
                .single() > 0;
    }

    /** Revokes a not yet accepted invite; true when it changed. */
    public boolean revoke(String tenantId, UUID id) {
        return jdbc.sql("UPDATE invites SET revoked_at = now() WHERE tenant_id = :tenantId AND id = :id "
                        + "AND accepted_at IS NULL AND revoked_at IS NULL")
                .param("tenantId", tenantId)
                .param("id", id)
                .update() == 1;
    }

    /** Marks a pending invite accepted by the user; false when it is no longer pending (a concurrent accept). */
    public boolean markAccepted(UUID id, UUID userId) {
        return jdbc.sql("UPDATE invites SET accepted_at = now(), accepted_by = :userId WHERE id = :id "
                        + "AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()")
                .param("id", id)
                .param("userId", userId)
                .update() == 1;
    }

    private static InviteRow map(ResultSet rs, int rowNum) throws SQLException {
        return new InviteRow(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("token_hash"), rs.getString("created_by"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at"), Timestamps.read(rs, "accepted_at"),
                rs.getObject("accepted_by", UUID.class), Timestamps.read(rs, "revoked_at"));
    }
}
