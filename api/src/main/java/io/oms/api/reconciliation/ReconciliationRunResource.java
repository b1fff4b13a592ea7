package io.oms.api.reconciliation;

import io.oms.infra.reconcile.ReconciliationRunRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reconciliation run: why and for what it ran, its outcome, what it compared (counts per side, e.g.
 * {@code omsOpenOrders}, {@code brokerOpenOrders}, {@code brokerExecutions}), how many findings, repairs and open
 * discrepancies it produced, the executions it asked IB for ({@code executionsSince}) and the cursor it left.
 */
public record ReconciliationRunResource(String id, String account, String connection, String trigger, String scope,
                                        String status, String requestedBy, Instant startedAt, Instant finishedAt,
                                        Map<String, Long> compared, int findings, int repairs, int discrepancies,
                                        Instant executionsSince, SyncCursor cursor, String error) {

    static ReconciliationRunResource of(ReconciliationRunRow r, JsonMapper json) {
        return new ReconciliationRunResource(r.id().toString(), r.account(), r.connection(), r.trigger(), r.scope(),
                r.status(), r.requestedBy(), r.startedAt(), r.finishedAt(), counts(r.compared(), json), r.findings(),
                r.repairs(), r.discrepancies(), r.executionsSince(), SyncCursor.of(r.cursorTime(), r.cursorExecId()),
                r.error());
    }

    /** The stored object's whole-number counts, in its order. */
    static Map<String, Long> counts(String compared, JsonMapper json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (compared == null) return counts;
        JsonNode tree = json.readTree(compared);
        tree.properties().forEach(e -> {
            if (e.getValue().isIntegralNumber()) counts.put(e.getKey(), e.getValue().asLong());
        });
        return counts;
    }
}
