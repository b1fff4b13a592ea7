package io.oms.workflows.killswitch;

import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.CancelOrderCommand;
import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.activities.ModifyOrderCommand;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import java.util.concurrent.atomic.AtomicInteger;

/** One IB session as the kill switch sees it: only reqGlobalCancel is expected, and counted. */
final class FakeSessionBroker implements BrokerActivities {
    final AtomicInteger globalCancels = new AtomicInteger();

    @Override
    public void cancelAll() {
        globalCancels.incrementAndGet();
    }

    @Override
    public PlaceResult placeOrder(PlaceOrderCommand command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelOrder(CancelOrderCommand command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ModifyAck modifyOrder(ModifyOrderCommand command) {
        throw new UnsupportedOperationException();
    }
}
