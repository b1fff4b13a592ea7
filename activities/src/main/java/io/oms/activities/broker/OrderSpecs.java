package io.oms.activities.broker;

import io.oms.ib.client.OrderSpec;
import io.oms.workflows.activities.PlaceOrderCommand;

/** The IB order spec for an order the workflow places or modifies. */
final class OrderSpecs {
    private OrderSpecs() {}

    static OrderSpec from(PlaceOrderCommand c, String primaryExchange) {
        return new OrderSpec(c.orderRef(), c.account(), c.symbol(), "STK", "SMART", primaryExchange, "USD",
                c.side().name(), c.quantity(), c.type().name(), c.limitPrice(), c.timeInForce().name());
    }
}
