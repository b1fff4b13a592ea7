package io.oms.api.reconciliation;

import io.oms.infra.reconcile.ReconciliationFindingRow;
import java.time.Instant;

/**
 * One finding of a run: its kind, what the run did ({@code APPLIED} a missed fill or a state, {@code IMPORTED} an
 * external order, {@code RECORDED} a discrepancy, {@code NONE}), what it concerns and both sides' values.
 */
public record ReconciliationFindingResource(String id, String kind, String action, String orderId, String symbol,
                                            String execId, Long permId, String omsValue, String brokerValue,
                                            String detail, Instant foundAt) {

    static ReconciliationFindingResource of(ReconciliationFindingRow f) {
        return new ReconciliationFindingResource(f.id().toString(), f.kind(), f.action(),
                f.orderId() == null ? null : f.orderId().toString(), f.symbol(), f.execId(), f.permId(), f.omsValue(),
                f.brokerValue(), f.detail(), f.foundAt());
    }
}
