package io.oms.api.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.infra.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint as the API shows it: never its sealed secrets, and its plaintext {@code secret} only in the
 * answer that created it or rotated it. {@code previousSecretExpiresAt}: until when the secret before the last
 * rotation still signs (null when none does).
 */
public record WebhookEndpointResource(UUID id, String url, String description, List<String> eventTypes,
                                      boolean active, int version, Instant previousSecretExpiresAt,
                                      Instant createdAt, Instant updatedAt,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookEndpointResource of(WebhookEndpoint e, Instant now) {
        return withSecret(e, now, null);
    }

    static WebhookEndpointResource withSecret(WebhookEndpoint e, Instant now, String secret) {
        Instant previous = e.previousSecretExpiresAt() != null && e.previousSecretExpiresAt().isAfter(now)
                ? e.previousSecretExpiresAt() : null;
        return new WebhookEndpointResource(e.id(), e.url(), e.description(), e.eventTypes(), e.active(), e.version(),
                previous, e.createdAt(), e.updatedAt(), secret);
    }

    /** The same endpoint without its secret: what is audited and what an idempotent replay answers. */
    WebhookEndpointResource withoutSecret() {
        return new WebhookEndpointResource(id, url, description, eventTypes, active, version, previousSecretExpiresAt,
                createdAt, updatedAt, null);
    }

    @Override
    public String toString() {
        return "WebhookEndpointResource[" + id + ", " + url + "]"; // never the secret
    }
}
