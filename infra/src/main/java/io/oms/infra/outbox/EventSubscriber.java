package io.oms.infra.outbox;

import io.oms.infra.persistence.OutboxEvent;

/** A consumer of published domain events; it may see an event more than once and de-duplicates by event id. */
@FunctionalInterface
public interface EventSubscriber {
    void onEvent(OutboxEvent event);
}
