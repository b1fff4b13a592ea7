package io.oms.activities.reconcile;

import io.oms.ib.client.PositionEvent;
import io.oms.infra.reconcile.DiscrepancyWriter;
import io.oms.infra.reconcile.Finding;
import io.oms.infra.reconcile.OmsBookReader;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.DomainEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Compares positions three ways and keeps what stays different. A position drift is looked at again a moment later
 * (IB's positions and the OMS's book may straddle a fill); one that remains becomes an OPEN discrepancy and an alert,
 * and the book is never overwritten. Discrepancies the run no longer sees are resolved.
 */
final class PositionReview {
    record Result(int omsPositions, int discrepancies) {}

    private final OmsBookReader oms;
    private final DiscrepancyWriter discrepancies;
    private final Duration settle;
    private final Clock clock;

    PositionReview(OmsBookReader oms, DiscrepancyWriter discrepancies, Duration settle, Clock clock) {
        this.oms = oms;
        this.discrepancies = discrepancies;
        this.settle = settle;
        this.clock = clock;
    }

    Result review(RunTicket ticket, List<PositionEvent> ib, Supplier<List<PositionEvent>> again, RunJournal journal) {
        var book = oms.book(ticket.tenantId(), ticket.account());
        List<PositionCheck.Gap> gaps = PositionCheck.compare(ib, book, oms.derivedPositions(ticket.tenantId(), ticket.account()));
        if (gaps.stream().anyMatch(g -> g.kind() != PositionCheck.Kind.POSITION_NOT_REPORTED)) {
            // Fills may be on their way (IB's position has them, the book not yet): look again, and judge only the
            // positions that stood still between the two looks; one still moving is judged at a later run.
            sleep(settle.toMillis());
            List<PositionCheck.Gap> first = gaps;
            book = oms.book(ticket.tenantId(), ticket.account());
            gaps = PositionCheck.compare(again.get(), book, oms.derivedPositions(ticket.tenantId(), ticket.account()))
                    .stream().filter(g -> first.stream().anyMatch(g::sameAs)).toList();
        }
        UUID runId = UUID.fromString(ticket.runId());
        List<String> drifting = new java.util.ArrayList<>();
        for (PositionCheck.Gap g : gaps) {
            journal.add(finding(g));
            if (g.kind() == PositionCheck.Kind.POSITION_DRIFT) {
                drifting.add(g.symbol());
                var drift = new DiscrepancyWriter.Drift(g.symbol(), g.book(), g.derived(), g.broker(), g.bookAvgCost(),
                        g.brokerAvgCost());
                if (discrepancies.openOrRefresh(ticket.tenantId(), ticket.account(), drift, runId, clock.instant())) {
                    journal.event(DomainEvents.RECONCILIATION_DISCREPANCY, "discrepancy", alert(ticket, g));
                }
            }
        }
        discrepancies.resolveOthers(ticket.tenantId(), ticket.account(), drifting, runId, clock.instant());
        return new Result(book.size(), drifting.size());
    }

    private static Finding finding(PositionCheck.Gap g) {
        String oms = "book " + plain(g.book()) + ", from executions " + plain(g.derived());
        String broker = g.broker() == null ? "not reported" : plain(g.broker());
        return switch (g.kind()) {
            case BOOK_DRIFT -> new Finding("BOOK_DRIFT", "RECORDED", null, g.symbol(), null, null, oms, broker,
                    "the position book differs from the positions its own executions add up to");
            case POSITION_DRIFT -> new Finding("POSITION_DRIFT", "RECORDED", null, g.symbol(), null, null, oms, broker,
                    "IB's position differs from the OMS's after the repairs; kept as an open discrepancy, not overwritten");
            case POSITION_NOT_REPORTED -> new Finding("POSITION_NOT_REPORTED", "NONE", null, g.symbol(), null, null, oms,
                    broker, "IB reported no position for a symbol the OMS holds; a missing report is not evidence of flat");
        };
    }

    private static Map<String, Object> alert(RunTicket ticket, PositionCheck.Gap g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", ticket.runId());
        m.put("account", ticket.account());
        m.put("symbol", g.symbol());
        m.put("omsQty", plain(g.book()));
        m.put("derivedQty", plain(g.derived()));
        m.put("brokerQty", plain(g.broker()));
        return m;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
