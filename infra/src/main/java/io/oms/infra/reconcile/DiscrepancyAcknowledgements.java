package io.oms.infra.reconcile;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An operator's acknowledgement of an OPEN position discrepancy: who, why, when. Only an OPEN one moves (checked
 * in the same statement, so two acknowledgements cannot both win); the quantities are never touched.
 */
@Repository
public class DiscrepancyAcknowledgements {
    private final JdbcClient jdbc;

    public DiscrepancyAcknowledgements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The discrepancy as acknowledged, or empty when it is not the tenant's or no longer OPEN. */
    public Optional<ReconciliationDiscrepancyRow> acknowledge(String tenantId, UUID id, String actor, String note) {
        return jdbc.sql("""
                        UPDATE reconciliation_discrepancies
                        SET status = 'ACKNOWLEDGED', acknowledged_by = :actor, note = :note, updated_at = now()
                        WHERE tenant_id = :tenantId AND id = :id AND status = 'OPEN'
                        RETURNING *""")
                .param("actor", actor).param("note", note).param("tenantId", tenantId).param("id", id)
                .query((rs, n) -> ReconciliationReads.discrepancy(rs)).optional();
    }
}
