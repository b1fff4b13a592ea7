package io.oms.infra.reconcile;

import java.time.Instant;
import java.util.UUID;

/** One drift a run found and what it did about it ({@code action}: APPLIED, IMPORTED, RECORDED or NONE). */
public record ReconciliationFindingRow(UUID id, UUID runId, String account, String kind, String action, UUID orderId,
                                       String symbol, String execId, Long permId, String omsValue, String brokerValue,
                                       String detail, Instant foundAt) {}
