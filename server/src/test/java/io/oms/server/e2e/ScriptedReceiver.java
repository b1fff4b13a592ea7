package io.oms.server.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback webhook receiver (127.0.0.1, port 0) answering from a script: each request takes the next answer, the
 * last one repeats. Records every request it got. Close it after the test.
 */
final class ScriptedReceiver implements AutoCloseable {
    /** One answer: status, extra headers, and how long to think first. */
    record Answer(int status, Map<String, String> headers, Duration delay) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }

        static Answer of(int status, String header, String value) {
            return new Answer(status, Map.of(header, value), Duration.ZERO);
        }
    }

    /** A request as received. */
    record Request(String path, String webhookId, String timestamp, String signature, String contentType,
                   String userAgent, byte[] body, long atMillis) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedReceiver(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                var h = exchange.getRequestHeaders();
                requests.add(new Request(exchange.getRequestURI().getPath(), h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), h.getFirst("content-type"),
                        h.getFirst("user-agent"), exchange.getRequestBody().readAllBytes(), System.currentTimeMillis()));
                Answer answer = next();
                if (!answer.delay().isZero()) {
                    Thread.sleep(answer.delay().toMillis());
                }
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] text = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), text.length);
                exchange.getResponseBody().write(text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // the sender gave up (read timeout): nothing to answer
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    private synchronized Answer next() {
        return script.size() > 1 ? script.poll() : script.peek();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) pool.shutdownNow();
    }
}
