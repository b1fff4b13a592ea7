package io.oms.server.health;

import io.oms.infra.config.TemporalProperties;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Temporal is up when its frontend answers GetSystemInfo within two seconds. */
@Component("temporal")
public class TemporalHealth implements HealthIndicator {
    private final WorkflowServiceStubs stubs;
    private final TemporalProperties properties;

    public TemporalHealth(WorkflowServiceStubs stubs, TemporalProperties properties) {
        this.stubs = stubs;
        this.properties = properties;
    }

    @Override
    public Health health() {
        try {
            stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS).getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return Health.up().withDetail("target", properties.effectiveTarget()).withDetail("namespace", properties.namespace()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("target", properties.effectiveTarget()).withDetail("error", e.getMessage()).build();
        }
    }
}
