package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.security.ApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-tenant IP allowlists. The test context trusts 127.0.0.1 as a proxy, so {@code X-Forwarded-For} names the
 * client address; requests without it come from 127.0.0.1.
 */
class IpAllowlistEndToEndTest extends EndToEndTest {
    private static final String PATH = "/api/v1/tenant/ip-allowlist";

    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response put(RawHttp raw, String key, String entries, String from) {
        return raw.json("PUT", PATH, "{\"entries\":" + entries + "}", "Authorization", "Bearer " + key,
                "X-Forwarded-For", from);
    }

    private ApiClient.Response getOrders(RawHttp raw, String key, String from) {
        return raw.get("/api/v1/orders", "Authorization", "Bearer " + key, "X-Forwarded-For", from);
    }

    private String adminKey(OwnTenant tenant) {
        return apiKeys.create(tenant.id(), "admin", List.of("tenants:admin", "orders:view", "orders:place"));
    }

    @Test
    void anEmptyListAllowsAnyAddressAndShowsTheCallersAddress() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        RawHttp raw = new RawHttp(port);

        ApiClient.Response list = raw.get(PATH, "Authorization", "Bearer " + adminKey(tenant),
                "X-Forwarded-For", "192.0.2.44");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("entries").isEmpty()).isTrue();
        assertThat(list.text("clientAddress")).isEqualTo("192.0.2.44");
        assertThat(tenant.api().get("/api/v1/orders").status()).isEqualTo(200);
    }

    @Test
    void requestsFromOutsideTheListAreRefusedWithAHintAndChangeNothing() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String key = adminKey(tenant);
        RawHttp raw = new RawHttp(port);
        ApiClient.Response saved = put(raw, key, "[\"203.0.113.0/24\", \"127.0.0.1\"]", "203.0.113.9");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("entries").toString()).isEqualTo("[\"127.0.0.1/32\",\"203.0.113.0/24\"]");

        ApiClient.Response inside = getOrders(raw, key, "203.0.113.200");
        ApiClient.Response outside = getOrders(raw, key, "198.51.100.7");
        ApiClient.Response order = raw.json("POST", "/api/v1/orders", "{\"account\":\"" + tenant.account()
                        + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}",
                "Authorization", "Bearer " + key, "X-Forwarded-For", "198.51.100.7");

        assertThat(inside.status()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("code")).isEqualTo("FORBIDDEN");
        assertThat(outside.text("hint")).contains("198.51.100.7").contains(PATH);
        assertThat(outside.text("trace_id")).isNotBlank();
        assertThat(order.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE tenant_id = :t").param("t", tenant.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void ipv6NetworksMatchIpv6Clients() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String key = adminKey(tenant);
        RawHttp raw = new RawHttp(port);
        assertThat(put(raw, key, "[\"2001:db8::/32\"]", "2001:db8:0:1::5").status()).isEqualTo(200);

        assertThat(getOrders(raw, key, "2001:db8:ffff::1").status()).isEqualTo(200);
        assertThat(getOrders(raw, key, "2001:db9::1").status()).isEqualTo(403);
        assertThat(getOrders(raw, key, "203.0.113.9").status()).isEqualTo(403);
    }

    @Test
    void aListThatWouldLockOutTheCallerIsNotSaved() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String key = adminKey(tenant);
        RawHttp raw = new RawHttp(port);

        ApiClient.Response refused = put(raw, key, "[\"10.0.0.0/8\"]", "192.0.2.10");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(refused.text("hint")).contains("192.0.2.10");
        assertThat(raw.get(PATH, "Authorization", "Bearer " + key).body().get("entries").isEmpty()).isTrue();
        assertThat(getOrders(raw, key, "192.0.2.10").status()).isEqualTo(200);
    }

    @Test
    void malformedEntriesAreFieldErrorsAndNothingIsSaved() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String key = adminKey(tenant);
        RawHttp raw = new RawHttp(port);

        ApiClient.Response refused = put(raw, key,
                "[\"127.0.0.1\", \"10.0.0.1/8\", \"example.com\", \"10.0.0.0/33\", \"::1/abc\"]", "127.0.0.1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.body().get("details").findValuesAsString("field"))
                .containsExactly("entries[1]", "entries[2]", "entries[3]", "entries[4]");
        assertThat(put(raw, key, "null", "127.0.0.1").status()).isEqualTo(400);
        assertThat(raw.get(PATH, "Authorization", "Bearer " + key).body().get("entries").isEmpty()).isTrue();
    }

    @Test
    void anEmptyListAllowsEveryAddressAgain() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String key = adminKey(tenant);
        RawHttp raw = new RawHttp(port);
        assertThat(put(raw, key, "[\"192.0.2.0/24\"]", "192.0.2.1").status()).isEqualTo(200);
        assertThat(getOrders(raw, key, "198.51.100.1").status()).isEqualTo(403);

        assertThat(put(raw, key, "[]", "192.0.2.1").status()).isEqualTo(200);

        assertThat(getOrders(raw, key, "198.51.100.1").status()).isEqualTo(200);
    }

    @Test
    void oneTenantsListDoesNotAffectAnother() {
        OwnTenant listed = ownTenant("ip", "allowlist");
        OwnTenant other = ownTenant("ip", "no list");
        RawHttp raw = new RawHttp(port);
        assertThat(put(raw, adminKey(listed), "[\"192.0.2.0/24\"]", "192.0.2.1").status()).isEqualTo(200);

        assertThat(getOrders(raw, adminKey(other), "198.51.100.1").status()).isEqualTo(200);
    }

    @Test
    void changingTheListNeedsTenantsAdmin() {
        OwnTenant tenant = ownTenant("ip", "allowlist");
        String viewer = apiKeys.create(tenant.id(), "viewer", List.of("orders:view"));
        RawHttp raw = new RawHttp(port);

        ApiClient.Response refused = put(raw, viewer, "[\"192.0.2.0/24\"]", "192.0.2.1");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("tenants:admin");
        assertThat(raw.get(PATH, "Authorization", "Bearer " + viewer).status()).isEqualTo(403);
    }
}
