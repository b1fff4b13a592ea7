package io.oms.infra.identity;

import io.oms.infra.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Memberships of users in tenants. Changing or ending one keeps at least one admin per tenant: the change locks
 * the tenant's row first, so two admins demoting each other at the same time cannot both succeed.
 */
@Repository
public class MembershipRepository {
    private static final String SELECT = """
            SELECT m.tenant_id, m.user_id, u.email, u.display_name, m.role, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id""";

    /** The member list is bounded (tenants are teams, not populations). */
    public static final int MAX_LIST = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public MembershipRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public List<Member> list(String tenantId) {
        return jdbc.sql(SELECT + " WHERE m.tenant_id = :tenantId ORDER BY m.created_at, m.user_id LIMIT " + MAX_LIST)
                .param("tenantId", tenantId)
                .query(MembershipRepository::map)
                .list();
    }

    public Optional<Member> find(String tenantId, UUID userId) {
        return jdbc.sql(SELECT + " WHERE m.tenant_id = :tenantId AND m.user_id = :userId")
                .param("tenantId", tenantId)
                .param("userId", userId)
                .query(MembershipRepository::map)
                .optional();
    }

    /** True when a user with this (lowercased) email is a member of the tenant. */
    public boolean hasMemberWithEmail(String tenantId, String email) {
        return jdbc.sql(SELECT + " WHERE m.tenant_id = :tenantId AND u.email = :email")
                .param("tenantId", tenantId)
                .param("email", email)
                .query(MembershipRepository::map)
                .optional()
                .isPresent();
    }

    /** Every tenant the user belongs to, with the role there (login chooses among them). */
    public List<Membership> memberships(UUID userId) {
        return jdbc.sql("SELECT tenant_id, role FROM memberships WHERE user_id = :id ORDER BY tenant_id")
                .param("id", userId)
                .query((rs, n) -> new Membership(rs.getString("tenant_id"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    public Optional<Role> roleIn(String tenantId, UUID userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE tenant_id = :t AND user_id = :u")
                .param("t", tenantId).param("u", userId)
                .query((rs, n) -> Role.valueOf(rs.getString("role"))).optional();
    }

    /** Makes the user a member with this role (or changes the role). */
    public void ensure(String tenantId, UUID userId, Role role) {
        jdbc.sql("""
                        INSERT INTO memberships (tenant_id, user_id, role) VALUES (:t, :u, :r)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .param("t", tenantId).param("u", userId).param("r", role.name()).update();
    }

    /** Adds the user to the tenant; false (and nothing changes) when they are a member already. */
    public boolean add(String tenantId, UUID userId, Role role) {
        return jdbc.sql("""
                        INSERT INTO memberships (tenant_id, user_id, role) VALUES (:tenantId, :userId, :role)
                        ON CONFLICT (tenant_id, user_id) DO NOTHING""")
                .param("tenantId", tenantId)
                .param("userId", userId)
                .param("role", role.name())
                .update() == 1;
    }

    public MembershipChange changeRole(String tenantId, UUID userId, Role role) {
        return guarded(tenantId, userId, role == Role.ADMIN, () -> jdbc.sql(
                        "UPDATE memberships SET role = :role WHERE tenant_id = :tenantId AND user_id = :userId")
                .param("role", role.name())
                .param("tenantId", tenantId)
                .param("userId", userId)
                .update());
    }

    public MembershipChange remove(String tenantId, UUID userId) {
        return guarded(tenantId, userId, false, () -> jdbc.sql(
                        "DELETE FROM memberships WHERE tenant_id = :tenantId AND user_id = :userId")
                .param("tenantId", tenantId)
                .param("userId", userId)
                .update());
    }

    /** Runs the change unless it takes the tenant's last admin away ({@code staysAdmin}: the member stays one). */
    private MembershipChange guarded(String tenantId, UUID userId, boolean staysAdmin, Runnable change) {
        return tx.execute(status -> {
            jdbc.sql("SELECT id FROM tenants WHERE id = :tenantId FOR UPDATE").param("tenantId", tenantId)
                    .query(String.class).optional();
            Optional<String> current = jdbc.sql("SELECT role FROM memberships WHERE tenant_id = :tenantId AND user_id = :userId")
                    .param("tenantId", tenantId)
                    .param("userId", userId)
                    .query(String.class)
                    .optional();
            if (current.isEmpty()) {
                return MembershipChange.NOT_FOUND;
            }
            if (current.get().equals(Role.ADMIN.name()) && !staysAdmin && admins(tenantId) <= 1) {
                return MembershipChange.LAST_ADMIN;
            }
            change.run();
            return MembershipChange.DONE;
        });
    }

    private long admins(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM memberships WHERE tenant_id = :tenantId AND role = 'ADMIN'")
                .param("tenantId", tenantId)
                .query(Long.class)
                .single();
    }

    private static Member map(ResultSet rs, int rowNum) throws SQLException {
        return new Member(rs.getString("tenant_id"), rs.getObject("user_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), Timestamps.read(rs, "created_at"));
    }
}
