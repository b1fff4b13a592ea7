package io.oms.api.reconciliation;

import io.oms.api.Decimals;
import io.oms.infra.reconcile.ReconciliationDiscrepancyRow;
import java.time.Instant;

/**
 * A position drift the reconciliation could not repair: the OMS's position ({@code omsQty}), the position its
 * executions add up to ({@code derivedQty}) and IB's ({@code brokerQty}), as decimal strings; OPEN until a later
 * run finds them in agreement (RESOLVED) or someone acknowledges it (ACKNOWLEDGED).
 */
public record DiscrepancyResource(String id, String account, String symbol, String status, String omsQty,
                                  String derivedQty, String brokerQty, String omsAvgCost, String brokerAvgCost,
                                  String firstRunId, String lastRunId, Instant openedAt, Instant updatedAt,
                                  Instant resolvedAt, String acknowledgedBy, String note) {

    static DiscrepancyResource of(ReconciliationDiscrepancyRow d) {
        return new DiscrepancyResource(d.id().toString(), d.account(), d.symbol(), d.status(), Decimals.text(d.omsQty()),
                Decimals.text(d.derivedQty()), Decimals.text(d.brokerQty()), Decimals.text(d.omsAvgCost()),
                Decimals.text(d.brokerAvgCost()), d.firstRunId().toString(), d.lastRunId().toString(), d.openedAt(),
                d.updatedAt(), d.resolvedAt(), d.acknowledgedBy(), d.note());
    }
}
