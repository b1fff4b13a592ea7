package io.oms.infra.identity;

import io.oms.infra.ids.UuidV7;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The first administrator of a development installation ({@code OMS_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code OMS_BOOTSTRAP_ADMIN_PASSWORD}): a system administrator who is ADMIN of the given tenant. Idempotent:
 * an existing user keeps their password and is only given the flag and the membership. The password is checked
 * against the policy and never logged or echoed.
 */
public final class BootstrapAdmin {
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final Passwords passwords;

    public BootstrapAdmin(UserRepository users, MembershipRepository memberships, Passwords passwords) {
        this.memberships = memberships;
        this.users = users;
        this.passwords = passwords;
    }

    /** @return the user's id; @throws IllegalArgumentException naming the policy problems (not the password) */
    public UUID ensure(String email, String password, String tenantId) {
        UUID id = users.findByEmail(email).map(UserRow::id).orElseGet(() -> {
            List<PasswordPolicy.Problem> problems = PasswordPolicy.check(password, email);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("OMS_BOOTSTRAP_ADMIN_PASSWORD is refused: the password "
                        + problems.stream().map(PasswordPolicy.Problem::message).collect(Collectors.joining("; ")));
            }
            UUID created = UuidV7.next();
            users.insert(created, email, "Administrator", passwords.hash(password), true);
            return users.findByEmail(email).orElseThrow().id(); // a concurrent start may have won the insert
        });
        users.setSystemAdmin(id);
        memberships.ensure(tenantId, id, Role.ADMIN);
        return id;
    }
}
