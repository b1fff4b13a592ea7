package io.oms.workflows.activities;

/** Re-send a working order under its IB order id with the full new terms in {@code order}. */
public record ModifyOrderCommand(int brokerOrderId, PlaceOrderCommand order) {}
