package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The MFA endpoints through the real security chain: they need a principal with {@code auth:login}, and then a
 * signed-in user; API keys (even the all-scopes bootstrap key) are refused. Enrolment by a signed-in user is
 * covered by MfaControllerTest until login exists on this branch.
 */
class MfaAccessEndToEndTest extends EndToEndTest {
    private static final List<String> MFA_PATHS = List.of("/api/v1/auth/mfa/totp/enrol", "/api/v1/auth/mfa/totp/confirm",
            "/api/v1/auth/mfa/recovery-codes");

    @Autowired
    ApiKeys apiKeys;

    @Test
    void withoutCredentialsTheMfaEndpointsAnswer401() {
        ApiClient anonymous = api.withKey(null);
        assertThat(anonymous.get("/api/v1/auth/mfa").status()).isEqualTo(401);
        for (String path : MFA_PATHS) assertThat(anonymous.post(path, "{}").status()).as(path).isEqualTo(401);
    }

    @Test
    void anApiKeyIsRefusedWithAClearMessageEvenWithEveryScope() {
        ApiClient.Response status = api.get("/api/v1/auth/mfa");
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.text("code")).isEqualTo("FORBIDDEN");
        assertThat(status.text("message")).contains("signed-in user").contains("API key");
        for (String path : MFA_PATHS) {
            ApiClient.Response refused = api.post(path, "{\"code\":\"123456\"}");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.text("message")).as(path).contains("API key");
        }
    }

    @Test
    void aKeyWithoutAuthLoginIsStoppedByTheAccessRules() {
        OwnTenant tenant = ownTenant("mfa", "MFA access");
        ApiClient viewer = api.withKey(apiKeys.create(tenant.id(), "e2e-mfa", List.of(Scopes.ORDERS_VIEW)));
        ApiClient.Response refused = viewer.get("/api/v1/auth/mfa");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("FORBIDDEN");
    }
}
