package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.security.TenantProtectionRepository;
import io.oms.infra.security.TenantProtectionRepository.RateLimitOverride;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets per API key or user (a tenant override makes them small enough to empty here), and per client
 * address for requests without a valid credential.
 */
class RateLimitEndToEndTest extends EndToEndTest {
    @Autowired
    TenantProtectionRepository protection;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    /** A tenant whose keys get buckets of 5 tokens refilled at 1 per second. */
    private OwnTenant smallBucketTenant(String prefix) {
        OwnTenant tenant = ownTenant(prefix, "rate limited");
        protection.setRateLimit(tenant.id(), new RateLimitOverride(5, 1));
        return tenant;
    }

    @Test
    void aKeyOverItsBucketIsRefusedWith429RetryAfterAndTheEnvelope() {
        OwnTenant tenant = smallBucketTenant("rl");
        ApiClient.Response first = tenant.api().get("/api/v1/orders");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isBetween(1L, 5L);

        Drain drain = drain(tenant.api());

        // 4 tokens left, plus the few refilled (1 per second) while a slow machine answers them.
        assertThat(drain.allowed()).isBetween(4, 9);
        ApiClient.Response refused = drain.refusal();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("RATE_LIMITED");
        assertThat(refused.text("trace_id")).isEqualTo(refused.header("X-Trace-Id"));
        assertThat(refused.text("hint")).contains("Retry-After");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    }

    /** How many requests passed before the first refusal (bounded). */
    private record Drain(int allowed, ApiClient.Response refusal) {}

    private static Drain drain(ApiClient client) {
        for (int i = 0; i < 20; i++) {
            ApiClient.Response response = client.get("/api/v1/orders");
            if (response.status() == 429) return new Drain(i, response);
            assertThat(response.status()).isEqualTo(200);
        }
        throw new AssertionError("no 429 within 20 requests");
    }

    @Test
    void theBucketRefillsAfterRetryAfter() throws InterruptedException {
        OwnTenant tenant = smallBucketTenant("rf");
        ApiClient.Response refused = drain(tenant.api()).refusal();

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);

        assertThat(tenant.api().get("/api/v1/orders").status()).isEqualTo(200);
    }

    @Test
    void aRefusedCommandChangesNothing() {
        OwnTenant tenant = smallBucketTenant("rn");
        drain(tenant.api());

        ApiClient.Response refused = tenant.api().post("/api/v1/orders",
                "{\"account\":\"" + tenant.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE tenant_id = :t").param("t", tenant.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        OwnTenant tenant = smallBucketTenant("rk");
        ApiClient other = api.withKey(apiKeys.create(tenant.id(), "second", List.of("orders:view")));
        drain(tenant.api());

        ApiClient.Response second = other.get("/api/v1/orders");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void refusalsAreCountedPerTenant() {
        OwnTenant tenant = smallBucketTenant("rc");
        drain(tenant.api());
        int refusals = 1;
        for (int i = 0; i < 3; i++) {
            if (tenant.api().get("/api/v1/orders").status() == 429) refusals++;
        }

        Counter counter = meters.find("oms.api.rate_limited").tag("tenant", tenant.id()).counter();

        assertThat(counter).isNotNull();
        assertThat(counter.count()).isEqualTo(refusals);
    }

    @Test
    void tenantsWithoutAnOverrideGetTheConfiguredBucket() {
        ApiClient.Response ok = api.get("/api/v1/orders");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("RateLimit-Limit")).isEqualTo("1000");
    }

    @Test
    void requestsWithoutAValidCredentialAreLimitedPerClientAddress() {
        RawHttp raw = new RawHttp(port);
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        String login = "{\"email\":\"someone@example.com\",\"password\":\"not-the-password\"}";
        ApiClient.Response last = null;
        int answered = 0;
        for (int i = 0; i < 300; i++) {
            last = i % 2 == 0
                    ? raw.json("POST", "/api/v1/auth/login", login, "X-Forwarded-For", address)
                    : raw.get("/api/v1/orders", "X-Forwarded-For", address,
                            "Authorization", "Bearer oms_wrongkey_" + "x".repeat(32));
            if (last.status() == 429) break;
            answered++;
        }

        // 100 at once, plus what refilled (10 per second) while they were answered; never fewer.
        assertThat(answered).isGreaterThanOrEqualTo(100);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text("code")).isEqualTo("RATE_LIMITED");
        assertThat(last.text("message")).contains("address");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(meters.find("oms.api.rate_limited").tag("tenant", "none").counter().count()).isPositive();
        // Another address, and a valid key from the same address, still get through.
        assertThat(raw.json("POST", "/api/v1/auth/login", login, "X-Forwarded-For", "198.51.100.0").status())
                .isNotEqualTo(429);
        assertThat(raw.get("/api/v1/orders", "X-Forwarded-For", address, "Authorization", "Bearer " + KEY).status())
                .isEqualTo(200);
    }
}
