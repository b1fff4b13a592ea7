package io.oms.infra.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A position drift kept after the repairs: OPEN until a later run finds the position in agreement (RESOLVED) or
 * someone acknowledges it (ACKNOWLEDGED, with who and why).
 */
public record ReconciliationDiscrepancyRow(UUID id, String tenantId, String account, String symbol, String status,
                                           BigDecimal omsQty, BigDecimal derivedQty, BigDecimal brokerQty,
                                           BigDecimal omsAvgCost, BigDecimal brokerAvgCost, UUID firstRunId,
                                           UUID lastRunId, Instant openedAt, Instant updatedAt, Instant resolvedAt,
                                           String acknowledgedBy, String note) {
    public static final String OPEN = "OPEN";
}
