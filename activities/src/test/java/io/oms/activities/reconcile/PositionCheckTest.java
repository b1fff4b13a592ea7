package io.oms.activities.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.PositionEvent;
import io.oms.infra.persistence.PositionRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three-way position comparison: book, positions from executions, IB. */
class PositionCheckTest {

    @Test
    void agreementIsNoGap() {
        assertThat(PositionCheck.compare(List.of(ib("AAPL", "100")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100.000")))).isEmpty();
    }

    @Test
    void ibDisagreeingWithTheBookIsAPositionDrift() {
        var gaps = PositionCheck.compare(List.of(ib("AAPL", "90")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100")));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(PositionCheck.Kind.POSITION_DRIFT);
            assertThat(g.broker()).isEqualByComparingTo("90");
            assertThat(g.book()).isEqualByComparingTo("100");
        });
    }

    @Test
    void aBookThatDisagreesWithItsOwnExecutionsIsABookDrift() {
        var gaps = PositionCheck.compare(List.of(ib("AAPL", "100")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("95")));
        assertThat(gaps).extracting(PositionCheck.Gap::kind).containsExactly(PositionCheck.Kind.BOOK_DRIFT);
    }

    @Test
    void aMissingReportIsNotEvidenceOfFlat() {
        var gaps = PositionCheck.compare(List.of(), Map.of("AAPL", book("AAPL", "100")), Map.of("AAPL", new BigDecimal("100")));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(PositionCheck.Kind.POSITION_NOT_REPORTED);
            assertThat(g.broker()).isNull();
        });
    }

    @Test
    void anExplicitFlatReportIsAuthoritative() {
        var gaps = PositionCheck.compare(List.of(ib("AAPL", "0")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100")));
        assertThat(gaps).extracting(PositionCheck.Gap::kind).containsExactly(PositionCheck.Kind.POSITION_DRIFT);
    }

    @Test
    void aPositionOnlyIbHoldsIsADrift() {
        var gaps = PositionCheck.compare(List.of(ib("MSFT", "5")), Map.of(), Map.of());
        assertThat(gaps).extracting(PositionCheck.Gap::kind).containsExactly(PositionCheck.Kind.POSITION_DRIFT);
    }

    @Test
    void aGapIsTheSameOnlyWhenEveryQuantityStoodStill() {
        var before = PositionCheck.compare(List.of(ib("AAPL", "90")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100"))).getFirst();
        var still = PositionCheck.compare(List.of(ib("AAPL", "90.0")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100.00"))).getFirst();
        var moved = PositionCheck.compare(List.of(ib("AAPL", "95")), Map.of("AAPL", book("AAPL", "100")),
                Map.of("AAPL", new BigDecimal("100"))).getFirst();
        assertThat(still.sameAs(before)).isTrue();
        assertThat(moved.sameAs(before)).isFalse();
    }

    private static PositionEvent ib(String symbol, String qty) {
        return new PositionEvent("DU1", 1, symbol, "STK", "USD", new BigDecimal(qty), new BigDecimal("10"));
    }

    private static PositionRow book(String symbol, String qty) {
        return new PositionRow("acme", "DU1", symbol, new BigDecimal(qty), new BigDecimal("10"), BigDecimal.ZERO,
                BigDecimal.ZERO, Instant.EPOCH);
    }
}
