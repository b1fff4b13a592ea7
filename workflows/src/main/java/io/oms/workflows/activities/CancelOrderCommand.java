package io.oms.workflows.activities;

/** Cancel one order at IB, by the IB order id the placement returned. */
public record CancelOrderCommand(String orderRef, int brokerOrderId) {}
