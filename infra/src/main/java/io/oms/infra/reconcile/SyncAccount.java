package io.oms.infra.reconcile;

import java.time.Instant;

/** A broker account as reconciliation sees it: owner, connection, sync state and execution cursor. */
public record SyncAccount(String account, String tenantId, String connection, String syncState, Instant cursorTime,
                          String cursorExecId) {}
