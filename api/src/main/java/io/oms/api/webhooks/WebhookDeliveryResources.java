package io.oms.api.webhooks;

import io.oms.infra.webhook.WebhookDeliveryReads;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** How the API shows deliveries, their attempts and dead letters. */
public final class WebhookDeliveryResources {
    private WebhookDeliveryResources() {}

    /**
     * One delivery of an event to an endpoint. {@code state}: PENDING, DELIVERING, DELIVERED or DEAD; {@code
     * orderingKey}: deliveries of one endpoint with the same key (one order's events) go out in event order.
     */
    public record WebhookDelivery(UUID id, UUID endpointId, UUID eventId, String eventType, String orderingKey,
                           UUID predecessorId, String state, int attempts, Integer lastStatusCode, String lastError,
                           Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Instant deliveredAt) {
        static WebhookDelivery of(WebhookDeliveryReads.Delivery d) {
            return new WebhookDelivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.orderingKey(), d.predecessorId(),
                    d.state(), d.attempts(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(),
                    d.updatedAt(), d.deliveredAt());
        }
    }

    /** One HTTP attempt: {@code outcome} DELIVERED (2xx), RETRY (network error, timeout, 408, 429, 5xx) or FAILED. */
    public record WebhookAttempt(int attempt, Instant startedAt, Integer latencyMs, Integer statusCode, String outcome,
                          String error, String responseExcerpt) {
        static WebhookAttempt of(WebhookDeliveryReads.Attempt a) {
            return new WebhookAttempt(a.attempt(), a.startedAt(), a.latencyMs(), a.statusCode(), a.outcome(), a.error(),
                    a.responseExcerpt());
        }
    }

    /** A delivery with every attempt, first first, and the event it delivers ({@code payload}: the webhook body). */
    public record WebhookDeliveryDetail(WebhookDelivery delivery, List<WebhookAttempt> attempts, JsonNode payload) {}

    /** A dead letter; {@code redeliveredAt} is set once it was redelivered (then it is no longer current). */
    public record WebhookDeadLetter(UUID deliveryId, UUID endpointId, UUID eventId, String eventType, String reason,
                             int attempts, Integer lastStatusCode, Instant deadAt, Instant redeliveredAt) {
        static WebhookDeadLetter of(WebhookDeliveryReads.DeadLetter l) {
            return new WebhookDeadLetter(l.deliveryId(), l.endpointId(), l.eventId(), l.eventType(), l.reason(), l.attempts(),
                    l.lastStatusCode(), l.deadAt(), l.redeliveredAt());
        }
    }
}
