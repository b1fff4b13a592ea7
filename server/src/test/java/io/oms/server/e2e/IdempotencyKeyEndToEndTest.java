package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency-Key on POST /api/v1/orders: a retried request creates nothing new and gets the first answer. */
class IdempotencyKeyEndToEndTest extends EndToEndTest {
    private static final String KEY = "Idempotency-Key";

    @Autowired
    JdbcClient jdbc;

    /** No clientOrderId: without the key, each POST would be a new order. */
    private static String limitBuy(String limit) {
        return "{\"account\":\"" + ACCOUNT + "\",\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LMT\",\"qty\":\"3\","
                + "\"limitPrice\":\"" + limit + "\",\"tif\":\"DAY\"}";
    }

    @Test
    void sameKeyAndSameRequestReplaysTheFirstAnswerAndCreatesOneOrder() {
        String key = "idem-" + UUID.randomUUID();
        ApiClient.Response first = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);
        ApiClient.Response again = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ordersWithClientOrderId(first.text("clientOrderId"))).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentRequestIsRefusedWithIdempotentReplay() {
        String key = "idem-" + UUID.randomUUID();
        ApiClient.Response first = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);
        ApiClient.Response other = api.post("/api/v1/orders", limitBuy("2.00"), KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("IDEMPOTENT_REPLAY");
        assertThat(other.text("trace_id")).isNotBlank();
    }

    @Test
    void refusedInputDoesNotUseUpTheKey() {
        String key = "idem-" + UUID.randomUUID();
        ApiClient.Response bad = api.post("/api/v1/orders", limitBuy("-1"), KEY, key);
        ApiClient.Response good = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void malformedKeyIsAFieldErrorAndCreatesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
        ApiClient.Response response = api.post("/api/v1/orders", limitBuy("1.00"), KEY, "x".repeat(256));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(response.body().get("details").toString()).contains("Idempotency-Key");
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anExpiredKeyStartsAfresh() {
        String key = "idem-" + UUID.randomUUID();
        ApiClient.Response first = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);
        jdbc.sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = :key")
                .param("key", key).update();

        ApiClient.Response later = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);

        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.text("id")).isNotEqualTo(first.text("id"));
    }

    @Test
    void theSameKeyInAnotherTenantIsAnotherKey() {
        String key = "idem-" + UUID.randomUUID();
        // A tenant of its own (other classes count the orders of theirs) with an account the simulator does not know.
        OwnTenant own = ownTenant("idem", "Idempotency tenant");
        String account = own.account();
        ApiClient other = own.api();
        ApiClient.Response theirs = other.post("/api/v1/orders", limitBuy("1.00").replace(ACCOUNT, account), KEY, key);

        ApiClient.Response ours = api.post("/api/v1/orders", limitBuy("1.00"), KEY, key);

        assertThat(theirs.status()).isEqualTo(201); // answered (the simulator rejects the unknown account)
        assertThat(ours.status()).isEqualTo(201);
        assertThat(ours.header("Idempotent-Replayed")).isNull();
        assertThat(ours.text("id")).isNotEqualTo(theirs.text("id"));
        assertThat(other.post("/api/v1/orders", limitBuy("1.00").replace(ACCOUNT, account), KEY, key)
                .header("Idempotent-Replayed")).isEqualTo("true");
    }

    private long ordersWithClientOrderId(String clientOrderId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE client_order_id = :id").param("id", clientOrderId)
                .query(Long.class).single();
    }
}
