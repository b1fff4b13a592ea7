package io.oms.workflows.order;

/** An IB error message addressed to this order (201 reject, 202 cancelled, 10147/10148 cancel refused, ...). */
public record BrokerError(int brokerOrderId, int code, String message) {}
