package io.oms.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's endpoints: created through {@code POST /api/v1/webhooks} and deleted through the API at the end. */
final class WebhookBenchEndpoints {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final WebhookBenchOptions opts;
    private final List<UUID> ids = new ArrayList<>();

    WebhookBenchEndpoints(HttpClient http, WebhookBenchOptions opts) {
        this.http = http;
        this.opts = opts;
    }

    /** Creates one endpoint per receiver URL. */
    void create(List<String> urls) throws InterruptedException {
        for (String url : urls) {
            ids.add(postEndpoint(url));
        }
    }

    private UUID postEndpoint(String url) throws InterruptedException {
        String body = "{\"url\":\"" + url + "\",\"eventTypes\":[\"*\"],\"description\":\"oms bench webhooks\"}";
        HttpResponse<String> resp = send(api("/api/v1/webhooks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher m = ID.matcher(resp.body());
        if (resp.statusCode() / 100 != 2 || !m.find()) {
            throw new IllegalStateException("POST /api/v1/webhooks answered " + resp.statusCode() + ": " + resp.body());
        }
        return UUID.fromString(m.group(1));
    }

    List<UUID> ids() {
        return List.copyOf(ids);
    }

    /** Deletes every endpoint it created; returns how many it could not. */
    int deleteAll() throws InterruptedException {
        int failed = 0;
        for (UUID id : ids) {
            int status = send(api("/api/v1/webhooks/" + id).DELETE().build()).statusCode();
            if (status / 100 != 2) failed++;
        }
        ids.clear();
        return failed;
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(opts.baseUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + opts.key());
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed", e);
        }
    }
}
