package io.oms.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the OMS REST API over loopback. */
public final class ApiClient {
    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) { return headers.firstValue(name).orElse(null); }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String base;
    private final String key;

    /** A client of the service on a loopback port; {@code key} may be null for unauthenticated calls. */
    public ApiClient(int port, String key) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** The credential this client sends (null: none). */
    public String key() {
        return key;
    }

    public ApiClient withKey(String otherKey) {
        return new ApiClient(port, otherKey);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST with one extra header, e.g. Idempotency-Key. */
    public Response post(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** A PATCH with an optional If-Match header (null sends none). */
    public Response patch(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        return send((ifMatch == null ? builder : builder.header("If-Match", ifMatch)).build());
    }

    /** Any method, with a JSON body when {@code json} is not null, and extra headers (name, value, ...). */
    public Response call(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path);
        if (json != null) builder.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Polls a GET until the answer satisfies the condition; fails after the timeout. */
    public Response await(String path, Predicate<Response> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            sleep(50);
        }
        throw new AssertionError("condition not met within " + timeout + " for " + path + "; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
