package io.oms.server.e2e;

import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.security.IssuedKey;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Users for end-to-end tests, written straight to the database (registration and login are not what these tests
 * test): a user, their membership, and an API key they own, which authenticates as that user.
 */
final class People {
    /** A user with a key of their own in a tenant; {@code api} calls as that user. */
    record Person(UUID userId, String email, UUID keyId, ApiClient api) {}

    private final ApplicationContext beans;
    private final ApiClient anyClient;

    People(ApplicationContext beans, ApiClient anyClient) {
        this.beans = beans;
        this.anyClient = anyClient;
    }

    static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    UUID user(String email) {
        UUID id = UuidV7.next();
        beans.getBean(UserRepository.class).insert(id, email, null, "{noop}unused-in-these-tests", false);
        return id;
    }

    void makeSystemAdmin(UUID userId) {
        beans.getBean(UserRepository.class).setSystemAdmin(userId);
    }

    /** A new user, member of the tenant with the role, calling with a key they own carrying all of the role's scopes. */
    Person member(String tenant, Role role) {
        String email = email(role.name().toLowerCase());
        UUID id = user(email);
        beans.getBean(MembershipRepository.class).add(tenant, id, role);
        return withKey(tenant, id, email, List.copyOf(role.scopes()));
    }

    /** Another key of an existing user, with these scopes. */
    Person withKey(String tenant, UUID userId, String email, List<String> scopes) {
        IssuedKey key = beans.getBean(ApiKeys.class).issue(tenant, "e2e " + email, scopes, null, userId);
        return new Person(userId, email, key.row().id(), anyClient.withKey(key.plaintext()));
    }
}
