package io.oms.workflows.reconcile;

/** The query answer: runs so far in this workflow run, whether a full run is owed, and the last run's outcome. */
public record ReconciliationStatus(String account, int runs, boolean fullRunPending, String lastRunId,
                                   String lastRunStatus) {}
