package io.oms.worker;

import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.workflows.breaker.CircuitBreakerClient;
import io.oms.workflows.domain.TenantId;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts the circuit breaker evaluation of every tenant with an enabled breaker when the worker is ready (the API
 * starts it too when a breaker is configured). Idempotent: a running one is kept, so any number of workers may do
 * this at every start.
 */
public final class CircuitBreakerStarter {
    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerStarter.class);

    private final WorkflowClient client;
    private final CircuitBreakerRepository breakers;

    CircuitBreakerStarter(WorkflowClient client, CircuitBreakerRepository breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        for (String id : breakers.tenantsWithEnabledBreakers()) {
            try {
                CircuitBreakerClient.ensureStarted(client, new TenantId(id));
            } catch (RuntimeException e) {
                log.warn("could not start the circuit breaker evaluation of tenant {}: {}", id, e.toString());
            }
        }
    }
}
