package io.oms.workflows.activities;

import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.RunScope;

/** Opens a run: its id comes from the workflow (deterministic), so a retried begin finds the run it opened. */
public record RunStart(String runId, String account, String connection, ReconcileTrigger trigger, RunScope scope,
                       String requestedBy) {}
