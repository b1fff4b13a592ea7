package io.oms.infra.outbox;

import io.oms.infra.persistence.OutboxEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process {@link EventPublisher}: a fan-out to the subscribers registered in this JVM, called on the
 * relay's thread. Every subscriber is offered the event even when an earlier one fails; then any failure fails
 * the delivery, so the relay offers the event again to all of them (the ones that took it see it twice).
 */
public final class InProcessEventBus implements EventPublisher {
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a subscriber; closing the returned handle removes it. */
    public AutoCloseable subscribe(EventSubscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void publish(OutboxEvent event) {
        RuntimeException failure = null;
        for (EventSubscriber subscriber : subscribers) {
            try {
                subscriber.onEvent(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
