package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ExecDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Matching per order type on the bare engine (manual clock, frozen market moved by the test). */
class MatchingOrderTypesTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void marketOrderTakesTheTouchInSlicesBoundedByTheDisplayedSize() {
        h.setQuote("AAPL", "189.99", "190.01", "500", "250");
        h.place(c, order(1, "AAPL").buy(d("300")).market().build());
        assertThat(c.execs(1)).extracting(x -> x.shares().toPlainString()).containsExactly("100", "100", "50", "50");
        assertThat(c.execs(1)).allSatisfy(x -> assertThat(x.price()).isEqualByComparingTo("190.01"));
        assertThat(c.statuses(1)).endsWith("Filled");
    }

    @Test
    void sellMarketOrderHitsTheBid() {
        h.place(c, order(1, "AAPL").sell(d("10")).market().build());
        assertThat(c.execs(1)).singleElement().satisfies(x -> {
            assertThat(x.price()).isEqualByComparingTo("189.99");
            assertThat(x.side()).isEqualTo("SLD");
        });
    }

    @Test
    void limitOrderRestsUntilTheTouchCrossesItThenFillsAtTheTouch() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("189.50")).build());
        assertThat(c.execs(1)).isEmpty();
        assertThat(c.statuses(1)).last().isEqualTo("Submitted");
        h.setPrice("AAPL", "189.60"); // ask 189.61: still above the limit
        assertThat(c.execs(1)).isEmpty();
        h.setPrice("AAPL", "189.40"); // ask 189.41: better than the limit
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("189.41"));
    }

    @Test
    void stopStaysPreSubmittedUntilTheLastTradeCrossesItThenTradesAsMarket() {
        h.place(c, order(1, "AAPL").buy(d("10")).stop(d("191.00")).build());
        h.place(c, order(2, "AAPL").sell(d("10")).stop(d("189.00")).build());
        h.setPrice("AAPL", "190.50");
        assertThat(c.statuses(1)).containsOnly("PreSubmitted");
        h.setPrice("AAPL", "191.00");
        assertThat(c.statuses(1)).containsSubsequence("PreSubmitted", "Submitted", "Filled");
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("191.01"));
        assertThat(c.statuses(2)).containsOnly("PreSubmitted");
        h.setPrice("AAPL", "189.00");
        assertThat(c.execs(2)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("188.99"));
    }

    @Test
    void stopElectsWhenTheWholeQuoteGapsThroughItWithoutATrade() {
        h.place(c, order(1, "AAPL").buy(d("10")).stop(d("191.00")).build());
        h.setQuote("AAPL", "191.20", "191.22", null, null); // no trade printed at or above 191
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("191.22"));
    }

    @Test
    void stopLimitIsElectedByItsStopThenRespectsItsLimit() {
        h.place(c, order(1, "AAPL").buy(d("10")).stopLimit(d("191.00"), d("191.05")).build());
        h.setQuote("AAPL", "191.10", "191.12", null, null);
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "Submitted");
        assertThat(c.execs(1)).isEmpty();
        h.setQuote("AAPL", "191.00", "191.04", null, null);
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("191.04"));
    }

    @Test
    void trailingStopByAmountFollowsTheMarketUpAndNeverDown() {
        h.place(c, order(1, "AAPL").sell(d("10")).trailAmount(d("1.00")).build());
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("189.00");
        h.setPrice("AAPL", "192.00");
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("191.00");
        h.setPrice("AAPL", "191.50");
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("191.00");
        assertThat(c.statuses(1)).containsOnly("PreSubmitted");
        h.setPrice("AAPL", "191.00");
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("190.99"));
    }

    @Test
    void buyTrailingStopByPercentFollowsTheMarketDown() {
        h.place(c, order(1, "AAPL").buy(d("10")).trailPercent(d("1")).build());
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("191.90");
        h.setPrice("AAPL", "180.00");
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("181.80");
        h.setPrice("AAPL", "181.00");
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("181.80");
        assertThat(c.execs(1)).isEmpty();
        h.setPrice("AAPL", "181.80");
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("181.81"));
    }

    @Test
    void trailStopPriceIsTheInitialStopAndTrailingOnlyTightensIt() {
        h.place(c, order(1, "AAPL").sell(d("10")).trailAmount(d("1.00")).trailStopPrice(d("189.50")).build());
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("189.50"); // 190 - 1 = 189 would be looser
        h.setPrice("AAPL", "190.80");
        assertThat(h.order(7, 1).trailStopPrice()).isEqualByComparingTo("189.80");
        h.setPrice("AAPL", "189.80");
        assertThat(c.execs(1)).hasSize(1);
    }

    @Test
    void fillsAfterAnOrderWasElectedAreSlicedLikeAnyOther() {
        h.setQuote("AAPL", "189.99", "190.01", "100", "100");
        h.place(c, order(1, "AAPL").buy(d("250")).stop(d("190.00")).build());
        assertThat(c.execs(1)).extracting(ExecDetails::cumQty).extracting(q -> q.toPlainString())
                .startsWith("100", "200").endsWith("250");
    }

    @Test
    void nothingTradesWhileTheSymbolIsHalted() {
        h.engine.run(() -> h.engine.market.of("AAPL").halted = true);
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c, order(2, "AAPL").buy(d("10")).stop(d("190.50")).build());
        h.setPrice("AAPL", "191.00");
        assertThat(c.execs(1)).isEmpty();
        assertThat(c.statuses(2)).containsOnly("PreSubmitted");
        h.engine.run(() -> {
            h.engine.market.of("AAPL").halted = false;
            h.engine.marketMoved();
        });
        assertThat(c.execs(1)).hasSize(1);
        assertThat(c.execs(2)).hasSize(1);
    }
}
