package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The proof of issue 4: one Idempotency-Key sent many times at once creates exactly one order. */
class ConcurrentIdempotencyEndToEndTest extends EndToEndTest {
    private static final int REQUESTS = 50;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentPostsWithOneKeyCreateExactlyOneOrder() throws Exception {
        // A tenant of its own, so counting its orders counts only these requests. Its account is unknown to the
        // simulator, which rejects the order: an answered order all the same (201, one row).
        OwnTenant own = ownTenant("cidem", "Concurrent idempotency tenant");
        String tenant = own.id();
        String account = own.account();
        ApiClient client = own.api();
        // No clientOrderId: without the key every one of these POSTs would be a new order.
        String body = "{\"account\":\"" + account + "\",\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LMT\","
                + "\"qty\":\"2\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\"}";
        String key = "cidem-" + UUID.randomUUID();

        List<ApiClient.Response> answers = postAtOnce(client, body, key);

        assertThat(answers).hasSize(REQUESTS);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isIn(201, 409);
            if (a.status() == 409) {
                assertThat(a.text("code")).isEqualTo("STATE_CONFLICT");
            }
        });
        List<ApiClient.Response> executed = answers.stream()
                .filter(a -> a.status() == 201 && a.header("Idempotent-Replayed") == null).toList();
        assertThat(executed).hasSize(1);
        String id = executed.getFirst().text("id");
        assertThat(answers.stream().filter(a -> a.status() == 201).map(a -> a.text("id"))).containsOnly(id);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE tenant_id = :t").param("t", tenant)
                .query(Long.class).single()).isEqualTo(1);

        ApiClient.Response later = client.post("/api/v1/orders", body, "Idempotency-Key", key);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.text("id")).isEqualTo(id);
    }

    /** All requests wait at one gate and are released together, so they overlap as much as the server allows. */
    private static List<ApiClient.Response> postAtOnce(ApiClient client, String body, String key) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(pool.submit(() -> {
                    gate.await(30, TimeUnit.SECONDS);
                    return client.post("/api/v1/orders", body, "Idempotency-Key", key);
                }));
            }
            gate.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                answers.add(future.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
