package io.oms.server.e2e;

import io.oms.infra.webhook.StandardWebhooks;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sender posting Standard Webhooks messages to the inbound receiver, from a client address of its own (loopback
 * is a trusted proxy in these tests), so its unauthenticated calls spend their own rate-limit bucket.
 */
final class InboundSender {
    private final RawHttp http;
    private final String address = "198.19." + new Random().nextInt(250) + "." + (1 + new Random().nextInt(250));

    InboundSender(int port) {
        this.http = new RawHttp(port);
    }

    /** Posts a JSON message signed with {@code secret} at {@code timestampSeconds}. */
    ApiClient.Response signed(String sourceId, String secret, String webhookId, long timestampSeconds, String body) {
        return signed(sourceId, secret, webhookId, timestampSeconds, body, "application/json");
    }

    ApiClient.Response signed(String sourceId, String secret, String webhookId, long timestampSeconds, String body,
                              String contentType) {
        return post(sourceId, body, "Content-Type", contentType, StandardWebhooks.HEADER_ID, webhookId,
                StandardWebhooks.HEADER_TIMESTAMP, Long.toString(timestampSeconds),
                StandardWebhooks.HEADER_SIGNATURE,
                StandardWebhooks.sign(secret, webhookId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts {@code body} with exactly these headers (name, value, ...), signed or not. */
    ApiClient.Response post(String sourceId, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (!all.contains("Content-Type")) all.addAll(List.of("Content-Type", "application/json"));
        all.addAll(List.of("X-Forwarded-For", address));
        HttpRequest request = http.request("/api/v1/webhooks/inbound/" + sourceId, all.toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request);
    }
}
