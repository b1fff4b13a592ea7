package io.oms.workflows.activities;

import io.oms.workflows.domain.TenantId;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * One evaluation of a tenant's circuit breakers against PostgreSQL. Idempotent: a retried evaluation finds the trip
 * it recorded and only completes its engagement.
 */
@ActivityInterface
public interface CircuitBreakerActivities {

    @ActivityMethod
    BreakerCheck evaluate(TenantId tenant);
}
