package io.oms.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests of {@code oms bench reconcile}: the API with the key, the simulator's control endpoint without. */
final class ReconcileBenchHttp {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One answer: the status (-1 when none came) and the parsed body (null when none or not JSON). */
    record Answer(int status, JsonNode body, String error) {
        boolean ok() {
            return status / 100 == 2 && body != null;
        }

        String describe() {
            if (error != null) return error;
            String code = body == null ? "" : text(body, "code");
            return "HTTP " + status + (code == null || code.isEmpty() ? "" : " " + code);
        }
    }

    private final HttpClient http;
    private final ReconcileBenchOptions opts;
    private final JsonMapper json = JsonMapper.builder().build();

    ReconcileBenchHttp(HttpClient http, ReconcileBenchOptions opts) {
        this.http = http;
        this.opts = opts;
    }

    Answer apiGet(String pathAndQuery) throws InterruptedException {
        return send(api(pathAndQuery).GET().build());
    }

    Answer apiPost(String path, String body) throws InterruptedException {
        return send(api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer controlGet(String path) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(opts.simControl() + path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    Answer controlPost(String path) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(opts.simControl() + path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The account's sync view, or null when the answer has none. */
    JsonNode account() throws InterruptedException {
        Answer a = apiGet("/api/v1/reconciliation/accounts?account=" + enc(opts.account()));
        if (!a.ok() || !a.body().isArray()) return null;
        for (JsonNode n : a.body()) {
            if (opts.account().equals(text(n, "account"))) return n;
        }
        return null;
    }

    /** The account's newest CONNECT run, or null when there is none. */
    JsonNode newestConnectRun() throws InterruptedException {
        Answer a = apiGet("/api/v1/reconciliation/runs?account=" + enc(opts.account()) + "&trigger=CONNECT&limit=1");
        if (!a.ok()) return null;
        JsonNode items = a.body().get("items");
        return items != null && items.isArray() && !items.isEmpty() ? items.get(0) : null;
    }

    private HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(opts.baseUrl() + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + opts.key());
    }

    private Answer send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(resp.statusCode(), parse(resp.body()), null);
        } catch (IOException e) {
            return new Answer(-1, null, "IO " + e.getClass().getSimpleName() + " " + request.uri().getPath());
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        return s == null ? null : Instant.parse(s);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
