package io.oms.activities.reconcile;

import io.oms.ib.client.PositionEvent;
import io.oms.infra.persistence.PositionRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The three-way position comparison, without I/O: the OMS's position book, the positions derived afresh from its
 * executions, and IB's. An explicit IB report (open or flat) is authoritative; a missing one is not evidence of flat.
 */
final class PositionCheck {
    enum Kind { BOOK_DRIFT, POSITION_DRIFT, POSITION_NOT_REPORTED }

    /** One symbol where the three disagree; {@code broker} is null when IB reported nothing for it. */
    record Gap(Kind kind, String symbol, BigDecimal book, BigDecimal derived, BigDecimal broker, BigDecimal bookAvgCost,
               BigDecimal brokerAvgCost) {

        /** The same difference in the same position, quantities compared by value. */
        boolean sameAs(Gap other) {
            return kind == other.kind && symbol.equals(other.symbol) && same(book, other.book)
                    && same(derived, other.derived) && same(broker, other.broker);
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    private PositionCheck() {}

    static List<Gap> compare(List<PositionEvent> ib, Map<String, PositionRow> book, Map<String, BigDecimal> derived) {
        TreeSet<String> symbols = new TreeSet<>(book.keySet());
        symbols.addAll(derived.keySet());
        ib.forEach(p -> symbols.add(p.symbol()));
        List<Gap> gaps = new ArrayList<>();
        for (String symbol : symbols) {
            PositionRow row = book.get(symbol);
            BigDecimal booked = row == null ? BigDecimal.ZERO : row.quantity();
            BigDecimal fromFills = derived.getOrDefault(symbol, BigDecimal.ZERO);
            PositionEvent reported = ib.stream().filter(p -> symbol.equals(p.symbol())).findFirst().orElse(null);
            BigDecimal broker = reported == null ? null : reported.position();
            BigDecimal bookCost = row == null ? null : row.avgCost();
            BigDecimal brokerCost = reported == null ? null : reported.avgCost();
            if (booked.compareTo(fromFills) != 0) {
                gaps.add(new Gap(Kind.BOOK_DRIFT, symbol, booked, fromFills, broker, bookCost, brokerCost));
            }
            if (broker != null && broker.compareTo(booked) != 0) {
                gaps.add(new Gap(Kind.POSITION_DRIFT, symbol, booked, fromFills, broker, bookCost, brokerCost));
            } else if (broker == null && booked.signum() != 0) {
                gaps.add(new Gap(Kind.POSITION_NOT_REPORTED, symbol, booked, fromFills, null, bookCost, null));
            }
        }
        return gaps;
    }
}
