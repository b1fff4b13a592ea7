package io.oms.activities.ledger;

import io.oms.workflows.domain.ExecId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's rules without a database, for the many-case property test: the same decisions as
 * {@link ExecutionLedger} (duplicates ignored, the highest revision of an execution effective, a commission
 * joined whenever it arrives, incremental application only for a fill that comes last in canonical order,
 * otherwise a recomputation), applied to maps instead of rows.
 */
final class InMemoryLedger {
    private static final Comparator<FillScenario.Fill> CANONICAL =
            Comparator.comparing(FillScenario.Fill::executedAt).thenComparing(FillScenario.Fill::execId);

    private final Map<String, FillScenario.Fill> recorded = new HashMap<>();
    private final Map<String, String> supersededBy = new HashMap<>();
    private final Map<String, BigDecimal> commissions = new HashMap<>();
    private Position position = Position.FLAT;
    private BigDecimal commissionTotal = BigDecimal.ZERO;

    void execution(FillScenario.Fill f) {
        if (recorded.putIfAbsent(f.execId(), f) != null) {
            return;
        }
        ExecId id = new ExecId(f.execId());
        List<String> revisions = recorded.keySet().stream().filter(k -> new ExecId(k).base().equals(id.base()))
                .sorted(Comparator.comparingInt(k -> new ExecId(k).revision())).toList();
        String latest = revisions.getLast();
        if (!latest.equals(f.execId())) {
            supersededBy.put(f.execId(), latest);
            return;
        }
        boolean corrected = false;
        for (String r : revisions) {
            if (!r.equals(f.execId()) && !supersededBy.containsKey(r)) {
                supersededBy.put(r, f.execId());
                corrected = true;
            }
        }
        boolean last = effective().stream().noneMatch(other -> CANONICAL.compare(other, f) > 0);
        if (corrected || !last) {
            recompute();
        } else {
            position = PositionMath.apply(position, f.side(), f.quantity(), f.price());
            commissionTotal = commissionTotal.add(commissions.getOrDefault(f.execId(), BigDecimal.ZERO));
        }
    }

    void commission(String execId, BigDecimal amount) {
        if (commissions.putIfAbsent(execId, amount) != null) {
            return;
        }
        if (recorded.containsKey(execId) && !supersededBy.containsKey(execId)) {
            commissionTotal = commissionTotal.add(amount);
        }
    }

    Position position() {
        return position;
    }

    BigDecimal commissions() {
        return commissionTotal;
    }

    private List<FillScenario.Fill> effective() {
        return recorded.values().stream().filter(f -> !supersededBy.containsKey(f.execId())).sorted(CANONICAL).toList();
    }

    private void recompute() {
        PositionFold.Result r = PositionFold.fold(effective().stream()
                .map(f -> new PositionFold.Fill(f.side(), f.quantity(), f.price(), commissions.get(f.execId())))
                .toList());
        position = r.position();
        commissionTotal = r.commissions();
    }
}
