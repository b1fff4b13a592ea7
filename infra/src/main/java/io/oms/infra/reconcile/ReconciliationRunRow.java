package io.oms.infra.reconcile;

import java.time.Instant;
import java.util.UUID;

/**
 * One reconciliation run as stored: what it compared ({@code compared}, the jsonb object of counts as text), how
 * many findings, repairs and open discrepancies it produced, and the execution cursor it left.
 */
public record ReconciliationRunRow(UUID id, String tenantId, String account, String connection, String trigger,
                                   String scope, String status, String requestedBy, Instant startedAt,
                                   Instant finishedAt, String compared, int findings, int repairs, int discrepancies,
                                   Instant executionsSince, Instant cursorTime, String cursorExecId, String error) {}
