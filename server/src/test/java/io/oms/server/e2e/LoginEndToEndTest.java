package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.ids.UuidV7;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Registration and login: tokens that work, errors that tell nothing, tenant choice, hash upgrade, JWKS. */
class LoginEndToEndTest extends EndToEndTest {
    @Autowired
    ApplicationContext beans;
    @Autowired
    JdbcClient jdbc;

    private TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(beans, api);
    }

    private static List<String> strings(ApiClient.Response r, String field) {
        List<String> out = new ArrayList<>();
        r.body().path(field).forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void loginAnswersTokensThatAuthenticateApiCalls() throws Exception {
        String tenant = users.tenant("login");
        TestUsers.User user = users.create(Role.TRADER, tenant);
        ApiClient.Response login = users.loggedIn(user, null);

        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.text("refreshToken")).isNotBlank();
        assertThat(login.text("tenant")).isEqualTo(tenant);
        assertThat(strings(login, "scopes")).containsExactlyInAnyOrderElementsOf(Role.TRADER.scopes());
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        SignedJWT jwt = SignedJWT.parse(login.text("accessToken"));
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.id().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(login.text("sessionId"));

        ApiClient asUser = users.as(login);
        assertThat(asUser.get("/api/v1/orders").status()).isEqualTo(200);
        ApiClient.Response me = asUser.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(user.email());
        assertThat(me.text("tenant")).isEqualTo(tenant);
        assertThat(me.text("role")).isEqualTo("TRADER");
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        TestUsers.User user = users.create(Role.TRADER, users.tenant("wrong"));
        ApiClient.Response r = users.login(user.email(), "Not-The-Password-1", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(r.body().has("accessToken")).isFalse();
    }

    @Test
    void unknownEmailAnswersExactlyLikeAWrongPassword() {
        TestUsers.User user = users.create(Role.TRADER, users.tenant("unknown"));
        ApiClient.Response wrong = users.login(user.email(), "Not-The-Password-1", null);
        ApiClient.Response unknown = users.login("nobody-" + UUID.randomUUID() + "@example.com", "Not-The-Password-1", null);
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.text("code")).isEqualTo(wrong.text("code"));
        assertThat(unknown.text("message")).isEqualTo(wrong.text("message"));
        assertThat(unknown.text("hint")).isEqualTo(wrong.text("hint"));
    }

    @Test
    void emailIsMatchedWhateverItsCase() {
        TestUsers.User user = users.create(Role.VIEWER, users.tenant("case"));
        assertThat(users.login(user.email().toUpperCase(), TestUsers.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void aMemberOfSeveralTenantsMustNameTheTenant() {
        String a = users.tenant("multi-a");
        String b = users.tenant("multi-b");
        TestUsers.User user = users.create(Role.VIEWER, a, b);

        ApiClient.Response unnamed = users.login(user.email(), TestUsers.PASSWORD, null);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body().path("details").get(0).path("field").asString()).isEqualTo("tenant");
        assertThat(unnamed.body().toString()).doesNotContain(a).doesNotContain(b);

        ApiClient.Response named = users.login(user.email(), TestUsers.PASSWORD, b);
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.text("tenant")).isEqualTo(b);
        assertThat(users.as(named).get("/api/v1/auth/me").text("tenant")).isEqualTo(b);

        ApiClient.Response other = users.login(user.email(), TestUsers.PASSWORD, "demo");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void aRegisteredUserWithoutAMembershipIsToldToAskForAnInvite() {
        String email = "reg-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response reg = api.withKey(null).post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestUsers.PASSWORD + "\",\"displayName\":\"Reg User\"}");
        assertThat(reg.status()).isEqualTo(201);
        assertThat(reg.text("email")).isEqualTo(email);
        assertThat(reg.body().has("password")).isFalse();
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE email = :e").param("e", email).query(String.class)
                .single()).startsWith("{argon2}$argon2id$");

        ApiClient.Response login = users.login(email, TestUsers.PASSWORD, null);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.text("hint")).contains("invite");
    }

    @Test
    void registrationRefusesAWeakPasswordAFormlessEmailAndATakenEmailCreatingNothing() {
        String email = "weak-" + UUID.randomUUID() + "@example.com";
        ApiClient anon = api.withKey(null);
        ApiClient.Response weak = anon.post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"short\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(weak.body().path("details").findValuesAsString("field")).contains("password");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single())
                .isZero();

        ApiClient.Response formless = anon.post("/api/v1/auth/register",
                "{\"email\":\"not-an-email\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
        assertThat(formless.status()).isEqualTo(400);
        assertThat(formless.body().path("details").get(0).path("field").asString()).isEqualTo("email");

        TestUsers.User existing = users.create(Role.VIEWER);
        ApiClient.Response taken = anon.post("/api/v1/auth/register",
                "{\"email\":\"" + existing.email() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void loginWithoutCredentialsIsAValidationError() {
        ApiClient.Response r = api.withKey(null).post("/api/v1/auth/login", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("details").findValuesAsString("field")).containsExactly("email", "password");
    }

    @Test
    void anOutdatedPasswordHashIsUpgradedToArgon2idAtLogin() {
        UUID id = UuidV7.next();
        String email = "legacy-" + id + "@example.com";
        String tenant = users.tenant("legacy");
        UserRepository repo = beans.getBean(UserRepository.class);
        repo.insert(id, email, null, "{bcrypt}" + new BCryptPasswordEncoder().encode(TestUsers.PASSWORD), false);
        beans.getBean(io.oms.infra.identity.MembershipRepository.class).ensure(tenant, id, Role.VIEWER);

        assertThat(users.login(email, TestUsers.PASSWORD, null).status()).isEqualTo(200);
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(users.login(email, TestUsers.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void theBootstrapAdminIsASystemAdminAndAdminOfTheDemoTenant() {
        ApiClient.Response login = users.login(ADMIN_EMAIL, ADMIN_PASSWORD, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tenant")).isEqualTo("demo");
        assertThat(strings(login, "scopes")).contains("tenants:admin", "system:admin", "orders:place");
    }

    @Test
    void jwksPublishesTheKeyThatSignedTheTokensWithoutAuthentication() throws Exception {
        TestUsers.User user = users.create(Role.VIEWER, users.tenant("jwks"));
        String kid = SignedJWT.parse(users.loggedIn(user, null).text("accessToken")).getHeader().getKeyID();
        for (String path : List.of("/.well-known/jwks.json", "/api/v1/auth/jwks")) {
            ApiClient.Response jwks = api.withKey(null).get(path);
            assertThat(jwks.status()).isEqualTo(200);
            assertThat(jwks.body().path("keys").findValuesAsString("kid")).contains(kid);
            assertThat(jwks.body().path("keys").findValues("d")).isEmpty();
        }
    }
}
