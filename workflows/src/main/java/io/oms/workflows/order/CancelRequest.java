package io.oms.workflows.order;

/** A request to cancel an order, with who asked (for the audit trail). */
public record CancelRequest(String actor, String reason) {}
