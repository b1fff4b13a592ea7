package io.oms.infra.reconcile;

import java.time.Instant;
import java.util.UUID;

/**
 * A broker account's sync view: its state (PENDING, RECONCILING, SYNCED) and since when, why, the execution
 * cursor of its last successful run and its last run.
 */
public record AccountSyncRow(String account, String tenantId, String connection, String syncState,
                             Instant syncStateAt, String syncDetail, Instant cursorTime, String cursorExecId,
                             UUID lastRunId) {}
