package io.oms.server.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's loopback receiver: {@code /hook/{n}} is endpoint n. It answers 204 at once and records, per
 * endpoint, the first arrival time of each webhook-id and the order of first arrivals (redeliveries are counted).
 */
final class WebhookBenchReceiver implements AutoCloseable {
    private static final int THREADS = 64;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final List<Map<String, Instant>> firstArrival = new ArrayList<>();
    private final List<ConcurrentLinkedQueue<String>> arrivalOrder = new ArrayList<>();
    private final AtomicLong firsts = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();

    WebhookBenchReceiver(int endpoints) throws IOException {
        for (int i = 0; i < endpoints; i++) {
            firstArrival.add(new ConcurrentHashMap<>());
            arrivalOrder.add(new ConcurrentLinkedQueue<>());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/hook/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(int endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + endpoint;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int endpoint = endpointOf(exchange.getRequestURI().getPath());
            if (id == null || endpoint < 0) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (firstArrival.get(endpoint).putIfAbsent(id, at) == null) {
                arrivalOrder.get(endpoint).add(id);
                firsts.incrementAndGet();
            } else {
                repeats.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private int endpointOf(String path) {
        try {
            int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            return n >= 0 && n < firstArrival.size() ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Instant firstArrival(int endpoint, String webhookId) {
        return firstArrival.get(endpoint).get(webhookId);
    }

    List<String> arrivalOrder(int endpoint) {
        return List.copyOf(arrivalOrder.get(endpoint));
    }

    long firsts() {
        return firsts.get();
    }

    long repeats() {
        return repeats.get();
    }

    void reset() {
        firstArrival.forEach(Map::clear);
        arrivalOrder.forEach(ConcurrentLinkedQueue::clear);
        firsts.set(0);
        repeats.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
