package io.oms.workflows.order;

import java.util.List;

/** IB's events for one order in the order they came off the wire: the payload of the brokerEvents signal. */
public record BrokerEvents(List<BrokerEvent> events) {
    public BrokerEvents {
        events = List.copyOf(events);
    }

    public static BrokerEvents of(BrokerEvent... events) {
        return new BrokerEvents(List.of(events));
    }
}
