package io.oms.workflows.reconcile;

/** The account a reconciliation workflow looks after, and the IB connection its session runs on. */
public record ReconcileInput(String account, String connection) {}
