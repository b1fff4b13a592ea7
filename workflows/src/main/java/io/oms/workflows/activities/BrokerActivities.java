package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Broker I/O, run on the {@code ib-{connection}} task queue by the worker holding that IB session.
 * Both methods are idempotent by orderRef. Failures carry an {@link io.oms.workflows.domain.ErrorCode}
 * name as their type ({@code BROKER_UNAVAILABLE}, {@code BROKER_TIMEOUT}).
 */
@ActivityInterface
public interface BrokerActivities {

    @ActivityMethod
    PlaceResult placeOrder(PlaceOrderCommand command);

    @ActivityMethod
    void cancelOrder(CancelOrderCommand command);
}
