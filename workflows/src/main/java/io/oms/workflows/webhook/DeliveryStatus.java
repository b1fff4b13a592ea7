package io.oms.workflows.webhook;

/** The query answer: where the delivery stands, how many attempts it made in this run, the last HTTP status. */
public record DeliveryStatus(DeliveryState state, int attempts, Integer lastStatusCode) {}
