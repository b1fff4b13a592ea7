package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The position property without a database, for many more cases: the ledger's rules (see {@link InMemoryLedger})
 * over seeded random deliveries with duplicates, corrections and reordering equal a plain fold over the unique
 * effective executions. A failure names its seed.
 */
class PositionFoldPropertyTest {
    private static final int CASES = 3_000;
    private static final int MAX_EXECUTIONS = 30;

    @Test
    void incrementalAndRecomputedPositionsEqualTheFoldOfEffectiveExecutions() {
        long first = Long.getLong("oms.property.seed", 7_000_000L);
        int cases = System.getProperty("oms.property.seed") == null ? CASES : 1;
        for (long seed = first; seed < first + cases; seed++) {
            FillScenario scenario = new FillScenario(seed, MAX_EXECUTIONS);
            InMemoryLedger ledger = new InMemoryLedger();
            for (FillScenario.Message m : scenario.arrivals) {
                if (m.commission()) {
                    ledger.commission(m.fill().execId(), m.fill().commission());
                } else {
                    ledger.execution(m.fill());
                }
            }
            PositionFold.Result expected = scenario.expected();
            String why = scenario.toString();
            assertThat(ledger.position().quantity()).as(why).isEqualByComparingTo(expected.position().quantity());
            assertThat(ledger.position().avgCost()).as(why).isEqualByComparingTo(expected.position().avgCost());
            assertThat(ledger.position().realizedPnl()).as(why).isEqualByComparingTo(expected.position().realizedPnl());
            assertThat(ledger.commissions()).as(why).isEqualByComparingTo(expected.commissions());
        }
    }

    @Test
    void scenariosCoverCorrectionsDuplicatesAndFlipsThroughZero() {
        int corrected = 0;
        int duplicated = 0;
        int flips = 0;
        for (long seed = 1; seed <= 200; seed++) {
            FillScenario s = new FillScenario(seed, MAX_EXECUTIONS);
            corrected += s.revisions.stream().anyMatch(f -> f.execId().endsWith(".02")) ? 1 : 0;
            duplicated += s.arrivals.stream().filter(m -> !m.commission()).count() > s.revisions.size() ? 1 : 0;
            flips += crossesZero(s) ? 1 : 0;
        }
        assertThat(corrected).isGreaterThan(100);
        assertThat(duplicated).isGreaterThan(100);
        assertThat(flips).isGreaterThan(50);
    }

    private static boolean crossesZero(FillScenario s) {
        Position p = Position.FLAT;
        for (FillScenario.Fill f : s.effective()) {
            Position next = PositionMath.apply(p, f.side(), f.quantity(), f.price());
            if (p.quantity().signum() * next.quantity().signum() < 0) {
                return true;
            }
            p = next;
        }
        return false;
    }
}
