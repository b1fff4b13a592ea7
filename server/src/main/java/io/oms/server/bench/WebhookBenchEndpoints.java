package io.oms.server.bench;

import io.oms.infra.crypto.CryptoProperties;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's endpoints: created through {@code POST /api/v1/webhooks} and deleted through the API at the end;
 * where the server has no such endpoint (a build without the webhook API), written with the repository instead,
 * their secrets sealed with the same master key the server uses (OMS_CRYPTO_MASTER_KEYS, else the development key).
 */
final class WebhookBenchEndpoints {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final WebhookBenchOptions opts;
    private final JdbcClient jdbc;
    private final List<UUID> ids = new ArrayList<>();
    private boolean viaApi = true;

    WebhookBenchEndpoints(HttpClient http, WebhookBenchOptions opts, JdbcClient jdbc) {
        this.http = http;
        this.opts = opts;
        this.jdbc = jdbc;
    }

    /** Creates one endpoint per receiver URL; returns "API" or "SQL", how they were made. */
    String create(List<String> urls) throws InterruptedException {
        for (String url : urls) {
            UUID id = viaApi ? postEndpoint(url) : null;
            if (id == null) {
                viaApi = false;
                id = insertEndpoint(url);
            }
            ids.add(id);
        }
        return viaApi ? "API" : "SQL";
    }

    private UUID postEndpoint(String url) throws InterruptedException {
        String body = "{\"url\":\"" + url + "\",\"eventTypes\":[\"*\"],\"description\":\"oms bench webhooks\"}";
        HttpResponse<String> resp = send(api("/api/v1/webhooks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (resp.statusCode() == 404 || resp.statusCode() == 405) {
            return null;
        }
        Matcher m = ID.matcher(resp.body());
        if (resp.statusCode() / 100 != 2 || !m.find()) {
            throw new IllegalStateException("POST /api/v1/webhooks answered " + resp.statusCode() + ": " + resp.body());
        }
        return UUID.fromString(m.group(1));
    }

    private UUID insertEndpoint(String url) {
        UUID id = UuidV7.next();
        Instant now = Instant.now();
        String sealed = new WebhookSecrets(new SecretSealer(masterKeys())).sealForEndpoint(id, StandardWebhooks.newSecret());
        new WebhookEndpointRepository(jdbc).insert(new WebhookEndpoint(id, opts.tenant(), url, "oms bench webhooks",
                List.of("*"), true, sealed, null, null, 1, now, now));
        return id;
    }

    private static LocalMasterKeys masterKeys() {
        CryptoProperties crypto = new CryptoProperties(System.getenv("OMS_CRYPTO_MASTER_KEYS"), null);
        if (crypto.configured()) {
            Map<String, byte[]> keys = crypto.keys();
            return new LocalMasterKeys(keys.keySet().iterator().next(), keys);
        }
        try {
            return new LocalMasterKeys("dev", Map.of("dev",
                    Base64.getDecoder().decode(Files.readString(crypto.devKeyFile()).trim())));
        } catch (IOException e) {
            throw new UncheckedIOException("no OMS_CRYPTO_MASTER_KEYS and no development key at " + crypto.devKeyFile(), e);
        }
    }

    List<UUID> ids() {
        return List.copyOf(ids);
    }

    /** Deletes every endpoint it created; returns how many it could not. */
    int deleteAll() throws InterruptedException {
        int failed = 0;
        for (UUID id : ids) {
            if (viaApi) {
                int status = send(api("/api/v1/webhooks/" + id).DELETE().build()).statusCode();
                if (status / 100 != 2) failed++;
            } else if (!new WebhookEndpointRepository(jdbc).delete(opts.tenant(), id, Instant.now())) {
                failed++;
            }
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
