package io.oms.workflows.activities;

import io.oms.workflows.order.OrderView;

/**
 * An order's new state for the ledger and the audit trail. {@code action} names what happened
 * ({@code order.created}, {@code order.routed}, ...), {@code actor} who or what caused it.
 */
public record StateChange(OrderView order, String action, String actor, String detail) {}
