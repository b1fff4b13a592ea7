package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.broker.BrokerCredentialStore;
import io.oms.infra.crypto.CryptoFailure;
import io.oms.infra.crypto.KeyManagementService;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** IB credentials per broker account: stored sealed, never echoed, opened only with the right master key. */
class BrokerCredentialsEndToEndTest extends EndToEndTest {
    private static final String PASSWORD = "ib-Gateway-Pa55word!";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    BrokerCredentialStore store;
    @Autowired
    KeyManagementService kms;

    private static String path(String account) {
        return "/api/v1/brokers/accounts/" + account + "/credentials";
    }

    private static String body(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private String sealed(String tenant, String account) {
        return jdbc.sql("SELECT password_sealed FROM broker_credentials WHERE tenant_id = :t AND account_code = :a")
                .param("t", tenant).param("a", account).query(String.class).single();
    }

    private long rows(String tenant) {
        return jdbc.sql("SELECT count(*) FROM broker_credentials WHERE tenant_id = :t").param("t", tenant)
                .query(Long.class).single();
    }

    @Test
    void storedCredentialsAnswer204AndShowOnlyMetadata() {
        OwnTenant tenant = ownTenant("bc", "credentials");

        ApiClient.Response put = tenant.api().call("PUT", path(tenant.account()), body("trader1", PASSWORD));
        ApiClient.Response get = tenant.api().get(path(tenant.account()));

        assertThat(put.status()).isEqualTo(204);
        assertThat(put.body().isNull()).isTrue();
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text("account")).isEqualTo(tenant.account());
        assertThat(get.text("username")).isEqualTo("trader1");
        assertThat(get.text("masterKeyId")).isNotBlank();
        assertThat(get.text("updatedAt")).isNotBlank();
        assertThat(get.text("updatedBy")).startsWith("api-key:");
        assertThat(get.body().has("password")).isFalse();
        assertThat(get.body().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void theDatabaseRowHoldsNoPlaintext() {
        OwnTenant tenant = ownTenant("bc", "credentials");
        assertThat(tenant.api().call("PUT", path(tenant.account()), body("trader1", PASSWORD)).status()).isEqualTo(204);

        String row = jdbc.sql("SELECT row_to_json(c)::text FROM broker_credentials c WHERE tenant_id = :t")
                .param("t", tenant.id()).query(String.class).single();
        String audit = jdbc.sql("SELECT coalesce(string_agg(row_to_json(a)::text, ''), '') FROM audit_log a WHERE tenant_id = :t")
                .param("t", tenant.id()).query(String.class).single();

        byte[] secret = PASSWORD.getBytes(StandardCharsets.UTF_8);
        for (String encoded : List.of(PASSWORD, Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret), java.util.HexFormat.of().formatHex(secret))) {
            assertThat(row).doesNotContain(encoded);
            assertThat(audit).doesNotContain(encoded);
        }
        assertThat(sealed(tenant.id(), tenant.account())).startsWith("v1.");
        assertThat(audit).contains("broker.credentials.set");
    }

    @Test
    void openingNeedsTheRightMasterKeyAndTheRightRow() {
        OwnTenant tenant = ownTenant("bc", "credentials");
        OwnTenant other = ownTenant("bc", "other");
        assertThat(tenant.api().call("PUT", path(tenant.account()), body("trader1", PASSWORD)).status()).isEqualTo(204);
        assertThat(other.api().call("PUT", path(other.account()), body("trader2", "something-else")).status())
                .isEqualTo(204);
        String sealed = sealed(tenant.id(), tenant.account());
        String context = "broker-credentials:" + tenant.id() + ":" + tenant.account();

        assertThat(store.open(tenant.id(), tenant.account()).orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(store.open(tenant.id(), tenant.account()).orElseThrow().toString()).doesNotContain(PASSWORD);
        assertThat(new SecretSealer(kms).openString(sealed, context)).isEqualTo(PASSWORD);

        // Another master key under the same id, or a different id: nothing opens.
        String keyId = SecretSealer.masterKeyIdOf(sealed);
        byte[] wrongKey = new byte[32];
        new SecureRandom().nextBytes(wrongKey);
        assertThatThrownBy(() -> new SecretSealer(new LocalMasterKeys(keyId, Map.of(keyId, wrongKey))).open(sealed, context))
                .isInstanceOf(CryptoFailure.class);
        assertThatThrownBy(() -> new SecretSealer(new LocalMasterKeys("other", Map.of("other", wrongKey))).open(sealed, context))
                .isInstanceOf(CryptoFailure.class);

        // The sealed value copied into another tenant's row does not open there.
        jdbc.sql("UPDATE broker_credentials SET password_sealed = :s WHERE tenant_id = :t")
                .param("s", sealed).param("t", other.id()).update();
        assertThatThrownBy(() -> store.open(other.id(), other.account())).isInstanceOf(CryptoFailure.class);
    }

    @Test
    void replacingCredentialsKeepsOneRowWithTheNewOnes() {
        OwnTenant tenant = ownTenant("bc", "credentials");
        assertThat(tenant.api().call("PUT", path(tenant.account()), body("trader1", PASSWORD)).status()).isEqualTo(204);

        assertThat(tenant.api().call("PUT", path(tenant.account()), body("trader9", "n3w-Password")).status())
                .isEqualTo(204);

        assertThat(rows(tenant.id())).isEqualTo(1);
        assertThat(tenant.api().get(path(tenant.account())).text("username")).isEqualTo("trader9");
        assertThat(store.open(tenant.id(), tenant.account()).orElseThrow().password()).isEqualTo("n3w-Password");
    }

    @Test
    void anotherTenantsOrAnUnknownAccountIsNotFoundAndStoresNothing() {
        OwnTenant tenant = ownTenant("bc", "credentials");
        OwnTenant other = ownTenant("bc", "other");

        ApiClient.Response foreign = tenant.api().call("PUT", path(other.account()), body("x", PASSWORD));
        ApiClient.Response unknown = tenant.api().call("PUT", path("DU0000001"), body("x", PASSWORD));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo("NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(tenant.api().get(path(other.account())).status()).isEqualTo(404);
        assertThat(tenant.api().get(path(tenant.account())).status()).as("none stored yet").isEqualTo(404);
        assertThat(rows(tenant.id()) + rows(other.id())).isZero();
    }

    @Test
    void missingOrOversizedFieldsAreFieldErrorsAndStoreNothing() {
        OwnTenant tenant = ownTenant("bc", "credentials");

        ApiClient.Response empty = tenant.api().call("PUT", path(tenant.account()), "{}");
        ApiClient.Response long_ = tenant.api().call("PUT", path(tenant.account()), body("u".repeat(65), "p".repeat(257)));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("details").findValuesAsString("field")).containsExactly("username", "password");
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.body().get("details").findValuesAsString("field")).containsExactly("username", "password");
        assertThat(rows(tenant.id())).isZero();
    }

    @Test
    void settingCredentialsNeedsBrokersConnect() {
        OwnTenant tenant = ownTenant("bc", "credentials");
        ApiClient viewer = api.withKey(apiKeys.create(tenant.id(), "viewer", List.of("brokers:view", "orders:view")));

        ApiClient.Response refused = viewer.call("PUT", path(tenant.account()), body("trader1", PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("brokers:connect");
        assertThat(rows(tenant.id())).isZero();
    }
}
