package io.oms.server.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.infra.webhook.WebhookSettingsRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue acceptance: with temporal, simulator, api and worker as separate processes, a worker killed (SIGKILL) while
 * its delivery's POST is in flight leaves the delivery to the next worker: the attempt times out on its heartbeat,
 * the restarted worker sends the event again with the same webhook-id, and the one delivery ends DELIVERED
 * (at least once; the receiver de-duplicates by webhook-id).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WebhookWorkerCrashTest {
    private static final String API_KEY = "oms_mpwebh01_abcdefghijklmnopqrstuvwxyz012345";
    private static final byte[] MASTER_KEY = new byte[32];

    private static ProcessCluster cluster;
    private static SingleConnectionDataSource db;
    private static JdbcClient jdbc;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @BeforeAll
    static void startProcesses() throws Exception {
        new SecureRandom().nextBytes(MASTER_KEY);
        cluster = ProcessCluster.start("oms_mpwh_", API_KEY, Map.of(), Map.of(
                "OMS_CRYPTO_MASTER_KEYS", "mp:" + Base64.getEncoder().encodeToString(MASTER_KEY),
                // a killed attempt is retried a second later (after its heartbeat timed out)
                "OMS_WEBHOOKS_RETRY_SCHEDULE", "1s,1s,1s,1s,1s"));
        db = new SingleConnectionDataSource(ProcessCluster.PG + cluster.database, "postgres", "", true);
        jdbc = JdbcClient.create(db);
    }

    @AfterAll
    static void stopProcesses() throws Exception {
        if (db != null) db.destroy();
        if (cluster != null) cluster.close();
    }

    @Test
    void aWorkerKilledDuringADeliveryLeavesItToTheNextWorkerWhichDeliversIt() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newCachedThreadPool();
        receiver.createContext("/hook", this::receive);
        receiver.setExecutor(threads);
        receiver.start();
        try {
            String tenant = "mpwh-" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("INSERT INTO tenants (id, name) VALUES (:id, 'Webhook crash')").param("id", tenant).update();
            new WebhookSettingsRepository(jdbc).setAllowPrivateTargets(tenant, true, Instant.now());
            endpoint(tenant, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            UUID eventId = new OutboxRepository(jdbc).appendEvent(tenant, "order", "mp-order-1", "order.created",
                    Instant.now(), "order", "{\"id\":\"mp-order-1\"}");

            assertThat(firstArrived.await(45, TimeUnit.SECONDS)).as("the first attempt reached the receiver").isTrue();
            cluster.killWorker();
            System.out.println("killed the worker (SIGKILL) with the POST of event " + eventId + " in flight");
            assertThat(state(eventId)).isNotEqualTo("DELIVERED");

            cluster.startWorker();
            OmsProcess.awaitUntil(Duration.ofSeconds(60), "the delivery DELIVERED", () -> "DELIVERED".equals(state(eventId)));

            assertThat(received).as("the same event sent again after the restart").hasSizeGreaterThanOrEqualTo(2)
                    .containsOnly(eventId.toString());
            assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE event_id = :e").param("e", eventId)
                    .query(Integer.class).single()).as("one delivery row").isEqualTo(1);
        } finally {
            releaseFirst.countDown();
            receiver.stop(0);
            threads.shutdownNow();
        }
    }

    /** Holds the first request without answering until the test ends; answers 204 to every later one. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            if (received.size() == 1) {
                firstArrived.countDown();
                try {
                    releaseFirst.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return; // the sender is gone by now
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static void endpoint(String tenant, String url) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        WebhookSecrets secrets = new WebhookSecrets(new SecretSealer(new LocalMasterKeys("mp", Map.of("mp", MASTER_KEY))));
        new WebhookEndpointRepository(jdbc).insert(new WebhookEndpoint(id, tenant, url, null, List.of("*"), true,
                secrets.sealForEndpoint(id, StandardWebhooks.newSecret()), null, null, 1, now, now));
    }

    private static String state(UUID eventId) {
        return jdbc.sql("SELECT state FROM webhook_deliveries WHERE event_id = :e").param("e", eventId)
                .query(String.class).optional().orElse(null);
    }
}
