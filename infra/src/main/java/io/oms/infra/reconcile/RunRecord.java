package io.oms.infra.reconcile;

import java.time.Instant;
import java.util.UUID;

/** The opening facts of a reconciliation run (what the workflow asked for). */
public record RunRecord(UUID id, String tenantId, String account, String connection, String trigger, String scope,
                        String requestedBy, Instant startedAt, Instant executionsSince) {}
