package io.oms.activities.ledger;

import io.oms.workflows.domain.ExecId;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random history of one position as the broker might deliver it: buys and sells that cross zero,
 * some executions corrected once or twice (same id up to the last dot, higher suffix), each revision with its
 * commission, then every message duplicated at random and the whole stream shuffled. {@link #expected()} is the
 * straightforward answer: the highest revision of each execution, folded in (executedAt, execId) order.
 */
final class FillScenario {
    static final Instant T0 = Instant.parse("2025-03-03T14:30:00Z");

    /** One revision of one execution. */
    record Fill(String execId, Side side, BigDecimal quantity, BigDecimal price, Instant executedAt, BigDecimal commission) {}

    /** A message in arrival order: the fill itself, or its commission report. */
    record Message(Fill fill, boolean commission) {}

    final long seed;
    final List<Fill> revisions = new ArrayList<>();
    final List<Message> arrivals = new ArrayList<>();

    FillScenario(long seed, int maxExecutions) {
        this.seed = seed;
        Random r = new Random(seed);
        int executions = 1 + r.nextInt(maxExecutions);
        for (int i = 0; i < executions; i++) {
            // Fixed-width ids compare the same in Java and in any database collation.
            String base = String.format("%08x.%08d", seed & 0xffffffffL, i);
            Instant at = T0.plusSeconds(r.nextInt(executions * 2)); // ties on executedAt happen
            Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
            int revisionCount = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(2);
            for (int rev = 1; rev <= revisionCount; rev++) {
                Instant revAt = rev > 1 && r.nextInt(4) == 0 ? at.plusSeconds(1 + r.nextInt(3)) : at;
                revisions.add(new Fill(base + String.format(".%02d", rev), side, BigDecimal.valueOf(1 + r.nextInt(60)),
                        BigDecimal.valueOf(9000 + r.nextInt(2000), 2), revAt, BigDecimal.valueOf(r.nextInt(300), 2)));
            }
        }
        for (Fill f : revisions) {
            int copies = r.nextInt(5) == 0 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                arrivals.add(new Message(f, false));
                if (r.nextInt(8) != 0 || c == 0) {
                    arrivals.add(new Message(f, true));
                }
            }
        }
        Collections.shuffle(arrivals, r);
    }

    /** The effective revisions (highest suffix of each execution) in canonical order. */
    List<Fill> effective() {
        Map<String, Fill> latest = new LinkedHashMap<>();
        for (Fill f : revisions) {
            latest.merge(new ExecId(f.execId()).base(), f,
                    (a, b) -> new ExecId(b.execId()).revision() > new ExecId(a.execId()).revision() ? b : a);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing(Fill::executedAt).thenComparing(Fill::execId))
                .toList();
    }

    PositionFold.Result expected() {
        return PositionFold.fold(effective().stream()
                .map(f -> new PositionFold.Fill(f.side(), f.quantity(), f.price(), f.commission()))
                .toList());
    }

    @Override
    public String toString() {
        return "seed " + seed + " (" + revisions.size() + " revisions, " + arrivals.size() + " messages)";
    }
}
