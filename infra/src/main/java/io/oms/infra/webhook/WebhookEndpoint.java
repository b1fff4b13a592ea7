package io.oms.infra.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of webhook_endpoints, secrets still sealed ({@link WebhookEndpointRepository#signingSecrets} opens them).
 * {@code eventTypes} holds domain event types or {@code *}; {@code version} is the ETag.
 */
public record WebhookEndpoint(UUID id, String tenantId, String url, String description, List<String> eventTypes,
                              boolean active, String secretSealed, String previousSecretSealed,
                              Instant previousSecretExpiresAt, int version, Instant createdAt, Instant updatedAt) {
    public static final String ALL_EVENTS = "*";

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean subscribesTo(String eventType) {
        return eventTypes.contains(ALL_EVENTS) || eventTypes.contains(eventType);
    }
}
