package io.oms.workflows.order;

/**
 * One IB event for an order, as carried in a {@link BrokerEvents} batch: exactly one of the four is set.
 * (A tagged record rather than a polymorphic type keeps the signal's JSON plain.)
 */
public record BrokerEvent(BrokerStatus status, BrokerFill fill, BrokerCommission commission, BrokerError error) {

    public static BrokerEvent of(BrokerStatus status) {
        return new BrokerEvent(status, null, null, null);
    }

    public static BrokerEvent of(BrokerFill fill) {
        return new BrokerEvent(null, fill, null, null);
    }

    public static BrokerEvent of(BrokerCommission commission) {
        return new BrokerEvent(null, null, commission, null);
    }

    public static BrokerEvent of(BrokerError error) {
        return new BrokerEvent(null, null, null, error);
    }
}
