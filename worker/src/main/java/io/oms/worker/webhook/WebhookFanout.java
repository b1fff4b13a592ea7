package io.oms.worker.webhook;

import io.oms.infra.outbox.EventSubscriber;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.webhook.WebhookDeliveryRepository;
import io.oms.infra.webhook.WebhookDeliveryRepository.Undispatched;
import io.oms.workflows.domain.DomainEvents;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each published event into one delivery per subscribed active endpoint and hands the new ones to the
 * {@link WebhookDispatcher}. It runs on the outbox relay's thread inside the relay's transaction, so it does one
 * statement per event and nothing slow; it caches nothing, so an endpoint created a moment ago already counts.
 * The rows commit with the relay's pass (an event offered again creates nothing: UNIQUE(endpoint, event)), and
 * the dispatcher gets them only after that commit, so a workflow never starts for a row it cannot see yet.
 */
public final class WebhookFanout implements EventSubscriber, AutoCloseable {
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private AutoCloseable subscription;

    public WebhookFanout(WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    /** A fan-out subscribed to the bus until closed. */
    public static WebhookFanout subscribe(InProcessEventBus bus, WebhookDeliveryRepository deliveries,
                                          WebhookDispatcher dispatcher) {
        WebhookFanout fanout = new WebhookFanout(deliveries, dispatcher);
        fanout.subscription = bus.subscribe(fanout);
        return fanout;
    }

    @Override
    public void onEvent(OutboxEvent event) {
        if (!DomainEvents.WEBHOOK_DELIVERABLE.contains(event.eventType())) {
            return;
        }
        List<Undispatched> created = deliveries.createFor(event);
        if (created.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.offer(created);
                }
            });
        } else {
            dispatcher.offer(created);
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
