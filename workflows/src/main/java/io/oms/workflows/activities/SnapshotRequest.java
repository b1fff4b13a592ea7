package io.oms.workflows.activities;

import io.oms.workflows.domain.TenantId;
import java.time.LocalDate;

/** Take the tenant's P&L snapshots for this US equity trading date. */
public record SnapshotRequest(TenantId tenantId, LocalDate tradingDate) {}
