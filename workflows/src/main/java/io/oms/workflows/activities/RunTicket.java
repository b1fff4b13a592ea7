package io.oms.workflows.activities;

import io.oms.workflows.reconcile.RunScope;
import java.time.Instant;

/**
 * An open run: the account's tenant and what to compare. {@code executionsSince}: ask IB for executions after this
 * time (the cursor less a margin; null for the whole day, as after a (re)connect).
 */
public record RunTicket(String runId, String tenantId, String account, String connection, RunScope scope,
                        Instant executionsSince) {}
