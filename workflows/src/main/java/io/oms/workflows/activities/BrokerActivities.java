package io.oms.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Broker I/O, run on the {@code ib-{connection}} task queue by the worker holding that IB session.
 * Placement and cancel are idempotent by orderRef; a repeated modify re-sends the same terms, which IB
 * accepts again. Failures carry an {@link io.oms.workflows.domain.ErrorCode}
 * name as their type ({@code BROKER_UNAVAILABLE}, {@code BROKER_TIMEOUT}, {@code BROKER_NO_ACK} for a placement IB
 * never saw).
 */
@ActivityInterface
public interface BrokerActivities {

    @ActivityMethod
    PlaceResult placeOrder(PlaceOrderCommand command);

    @ActivityMethod
    void cancelOrder(CancelOrderCommand command);

    /** Changes a working order's terms; completes when IB works it on them, or with IB's refusal (104, 105, 201). */
    @ActivityMethod
    ModifyAck modifyOrder(ModifyOrderCommand command);

    /**
     * reqGlobalCancel: IB cancels every open order of the session, the OMS's and any placed outside it (the global
     * kill switch). Completes once the request is sent; the orders' cancellations arrive as their own events.
     */
    @ActivityMethod
    void cancelAll();
}
