package io.oms.workflows.reconcile;

/** A request for a run: why, and who asked ("system:broker" for a reconnect, the caller's actor for MANUAL). */
public record ReconcileRequest(ReconcileTrigger trigger, String requestedBy) {}
