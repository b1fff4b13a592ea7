package io.oms.server.e2e;

import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Passwords;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.TenantRepository;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Users made directly in the database for a test (invites are another area), and logging them in over HTTP. */
final class TestUsers {
    static final String PASSWORD = "Sturdy-Test-Passphrase-9";

    record User(UUID id, String email) {}

    private final ApplicationContext beans;
    private final ApiClient anonymous;

    TestUsers(ApplicationContext beans, ApiClient anyClient) {
        this.beans = beans;
        this.anonymous = anyClient.withKey(null);
    }

    /** A new user with {@link #PASSWORD}, member of each given tenant with the role. */
    User create(Role role, String... tenants) {
        UUID id = UuidV7.next();
        String email = "user-" + id + "@example.com";
        beans.getBean(UserRepository.class).insert(id, email, "Test user", beans.getBean(Passwords.class).hash(PASSWORD), false);
        for (String tenant : tenants) beans.getBean(MembershipRepository.class).ensure(tenant, id, role);
        return new User(id, email);
    }

    /** A tenant with no accounts, for membership tests. */
    String tenant(String prefix) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        beans.getBean(TenantRepository.class).ensure(id, id);
        return id;
    }

    ApiClient.Response login(String email, String password, String tenant) {
        return anonymous.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"") + "}");
    }

    /** Logs in (expecting success) and returns the answer. */
    ApiClient.Response loggedIn(User user, String tenant) {
        ApiClient.Response r = login(user.email(), PASSWORD, tenant);
        if (r.status() != 200) throw new AssertionError("login failed: " + r.status() + " " + r.body());
        return r;
    }

    ApiClient.Response refresh(String refreshToken) {
        return anonymous.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    ApiClient anonymous() {
        return anonymous;
    }

    /** A client that sends this login's access token. */
    ApiClient as(ApiClient.Response login) {
        return anonymous.withKey(login.text("accessToken"));
    }
}
