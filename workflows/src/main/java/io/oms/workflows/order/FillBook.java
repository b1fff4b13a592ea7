package io.oms.workflows.order;

import io.oms.workflows.domain.ExecId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order's executions as the workflow counts them: one entry per execution (exec id up to the last dot),
 * holding its latest revision. IB corrects an execution by resending it with a higher suffix; the correction
 * replaces the earlier quantity and price, so the totals are always recomputed from the entries rather than
 * accumulated. Deterministic iteration (insertion order), so it is safe in workflow code.
 */
final class FillBook {
    private static final int PRICE_SCALE = 8;

    /** How an execution relates to what is already counted. */
    enum Offer {
        /** A new execution: count it and record it. */
        NEW,
        /** A later revision of a counted execution: replace it and record it (the ledger replaces its row). */
        CORRECTION,
        /** Seen before under exactly this id: ignore. */
        DUPLICATE,
        /** An earlier revision arriving after its correction: ignore. */
        STALE
    }

    private final Set<String> seen;
    private final Map<String, CountedFill> byBase = new LinkedHashMap<>();

    FillBook() {
        this.seen = new HashSet<>();
    }

    /** Rebuilds the book a previous run carried over (continue-as-new). */
    FillBook(List<String> seen, List<CountedFill> entries) {
        this.seen = new HashSet<>(seen);
        entries.forEach(e -> byBase.put(new ExecId(e.execId()).base(), e));
    }

    /** Classifies an execution and, when it counts, takes it in. */
    Offer offer(String execId, BigDecimal quantity, BigDecimal price) {
        if (!seen.add(execId)) {
            return Offer.DUPLICATE;
        }
        ExecId id = new ExecId(execId);
        CountedFill earlier = byBase.get(id.base());
        if (earlier == null) {
            byBase.put(id.base(), new CountedFill(execId, quantity, price));
            return Offer.NEW;
        }
        if (!id.corrects(new ExecId(earlier.execId()))) {
            return Offer.STALE;
        }
        byBase.put(id.base(), new CountedFill(execId, quantity, price));
        return Offer.CORRECTION;
    }

    /** True the first time an exec id is offered (the first release's rule: no corrections). */
    boolean firstSight(String execId) {
        return seen.add(execId);
    }

    BigDecimal filledQuantity() {
        return byBase.values().stream().map(CountedFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The volume-weighted average of the counted executions, or null before the first. */
    BigDecimal averagePrice() {
        BigDecimal filled = filledQuantity();
        if (filled.signum() == 0) {
            return null;
        }
        BigDecimal notional = byBase.values().stream().map(e -> e.price().multiply(e.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return notional.divide(filled, PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    List<String> seenIds() {
        return List.copyOf(new java.util.TreeSet<>(seen));
    }

    List<CountedFill> entries() {
        return new ArrayList<>(byBase.values());
    }
}
