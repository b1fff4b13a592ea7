package io.oms.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of an attempt against a loopback receiver. */
class WebhookSenderTest {
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            headers.add(exchange.getRequestHeaders());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static WebhookSender sender(Duration readTimeout) {
        return new WebhookSender(Duration.ofSeconds(2), readTimeout);
    }

    @Test
    void postsTheBodyWithItsHeadersAndKeepsTheStatusAndRetryAfter() throws Exception {
        URI url = serve(x -> {
            x.getResponseHeaders().add("Retry-After", "12");
            x.sendResponseHeaders(429, -1);
        });
        HttpAttempt a = sender(Duration.ofSeconds(2)).post(url, Map.of("webhook-id", "evt-1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), () -> {});
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.retryAfter()).isEqualTo("12");
        assertThat(bodies).containsExactly("{\"a\":1}");
        assertThat(headers.getFirst().getFirst("webhook-id")).isEqualTo("evt-1");
        assertThat(headers.getFirst().getFirst("content-type")).isEqualTo("application/json");
        assertThat(headers.getFirst().getFirst("user-agent")).isEqualTo(WebhookSender.USER_AGENT);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        URI url = serve(x -> {
            x.getResponseHeaders().add("Location", "/elsewhere");
            x.sendResponseHeaders(302, -1);
        });
        HttpAttempt a = sender(Duration.ofSeconds(2)).post(url, Map.of(), new byte[0], () -> {});
        assertThat(a.status()).isEqualTo(302);
        assertThat(paths).containsExactly("/hook");
    }

    @Test
    void onlyTheFirstKilobyteOfTheAnswerIsKept() throws Exception {
        URI url = serve(x -> {
            x.sendResponseHeaders(500, 0);
            try (OutputStream out = x.getResponseBody()) {
                byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 128; i++) out.write(chunk); // 1 MiB
            } catch (IOException readerStopped) {
                // expected: the sender stops reading after the excerpt
            }
        });
        HttpAttempt a = sender(Duration.ofSeconds(2)).post(url, Map.of(), new byte[0], () -> {});
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.excerpt()).hasSize(WebhookSender.EXCERPT_BYTES);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAReadTimeoutAndTheWaitHeartbeats() throws Exception {
        URI url = serve(x -> {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger heartbeats = new AtomicInteger();
        HttpAttempt a = sender(Duration.ofMillis(2_500)).post(url, Map.of(), new byte[0], heartbeats::incrementAndGet);
        assertThat(a.answered()).isFalse();
        assertThat(a.networkError()).isEqualTo("READ_TIMEOUT");
        assertThat(heartbeats.get()).isGreaterThanOrEqualTo(1);
        assertThat(a.latencyMs()).isBetween(2_000L, 4_500L);
    }

    @Test
    void nobodyListeningIsANetworkError() throws Exception {
        URI url = serve(x -> x.sendResponseHeaders(200, -1));
        server.stop(0);
        server = null;
        HttpAttempt a = sender(Duration.ofSeconds(1)).post(url, Map.of(), new byte[0], () -> {});
        assertThat(a.answered()).isFalse();
        assertThat(a.networkError()).isNotBlank();
    }
}
