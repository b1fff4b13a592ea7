package io.oms.api.reconciliation;

import java.util.List;

/** A run and every finding it made, in the order found. */
public record ReconciliationRunDetail(ReconciliationRunResource run, List<ReconciliationFindingResource> findings) {}
