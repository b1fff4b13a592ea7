package io.oms.infra.outbox;

import io.oms.infra.persistence.OutboxEvent;

/**
 * Where the relay hands each committed domain event, in id order. Returning means delivered; throwing means not
 * delivered, and the same event is offered again later (at least once: consumers de-duplicate by event id).
 * It must return promptly: the relay holds its lock and a database connection while it publishes a batch, so a
 * slow consumer (a webhook call) belongs behind its own queue, not here.
 */
public interface EventPublisher {
    void publish(OutboxEvent event);
}
