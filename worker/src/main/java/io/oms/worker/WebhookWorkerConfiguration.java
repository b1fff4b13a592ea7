package io.oms.worker;

import io.oms.infra.config.WebhookProperties;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.webhook.WebhookDeliveryRepository;
import io.oms.worker.webhook.WebhookDispatcher;
import io.oms.worker.webhook.WebhookFanout;
import io.oms.worker.webhook.WebhookSweep;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outbound webhooks in the worker role: the fan-out on the event bus (deliveries per published event), the
 * dispatcher starting their workflows and the sweep starting what the dispatcher missed. Off with
 * {@code oms.webhooks.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${oms.roles.worker:false} and ${oms.webhooks.enabled:true}")
public class WebhookWorkerConfiguration {

    @Bean
    WebhookDispatcher webhookDispatcher(WorkflowClient client, WebhookDeliveryRepository deliveries,
                                        WebhookProperties webhooks) {
        return new WebhookDispatcher(client, deliveries, webhooks.retrySchedule(), Clock.systemUTC());
    }

    @Bean
    WebhookSweep webhookSweep(WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher,
                              WebhookProperties webhooks) {
        return new WebhookSweep(deliveries, dispatcher, webhooks.sweepInterval(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    WebhookFanout webhookFanout(InProcessEventBus bus, WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher) {
        return WebhookFanout.subscribe(bus, deliveries, dispatcher);
    }
}
