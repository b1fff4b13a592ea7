package io.oms.api.reconciliation;

/** Request bodies of the reconciliation endpoints. */
public final class ReconciliationBodies {
    private ReconciliationBodies() {}

    /** {@code POST /api/v1/reconciliation/runs}: a MANUAL full run of one of the tenant's accounts. */
    public record ReconciliationRunRequest(String account) {}

    /** {@code POST /api/v1/reconciliation/discrepancies/{id}/acknowledge}: why it may stay as it is. */
    public record AcknowledgeDiscrepancy(String note) {}
}
