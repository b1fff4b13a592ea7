package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TIF semantics on the engine with a manual clock starting Monday 10:00 New York (close at 16:00). */
class TimeInForceTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void dayOrdersExpireAtTheCloseWhileGtcOrdersStayWorking() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).tif("DAY").build());
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).tif("GTC").build());
        h.advance(Duration.ofHours(5).plusMinutes(59));
        assertThat(c.statuses(1)).last().isEqualTo("Submitted");
        h.advance(Duration.ofMinutes(2));
        assertThat(c.statuses(1)).last().isEqualTo("Cancelled");
        assertThat(c.errorCodes()).doesNotContain(202); // an expiry is not a client cancel
        h.advance(Duration.ofDays(3));
        assertThat(c.statuses(2)).last().isEqualTo("Submitted");
    }

    @Test
    void gtdExpiresAtItsGoodTillDateOnTheSimulatorClock() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).goodTill("20260302 11:00:00 US/Eastern").build());
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).goodTill("20260302-17:00:00").build()); // UTC = 12:00 NY
        h.advance(Duration.ofMinutes(59));
        assertThat(c.statuses(1)).last().isEqualTo("Submitted");
        h.advance(Duration.ofMinutes(2));
        assertThat(c.statuses(1)).last().isEqualTo("Cancelled");
        assertThat(c.statuses(2)).last().isEqualTo("Submitted");
        h.advance(Duration.ofHours(1));
        assertThat(c.statuses(2)).last().isEqualTo("Cancelled");
    }

    @Test
    void gtdInThePastIsRejected() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).goodTill("20260302 09:00:00 US/Eastern").build());
        assertThat(c.transcript(1)).containsExactly("error:1:201", "open:1:Inactive", "status:1:Inactive:0");
    }

    @Test
    void iocFillsWhatIsDisplayedAndCancelsTheRest() {
        h.setQuote("AAPL", "189.99", "190.01", null, "300");
        h.place(c, order(1, "AAPL").buy(d("500")).market().tif("IOC").build());
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.shares()).isEqualByComparingTo("300"));
        assertThat(c.transcript(1)).endsWith("status:1:Cancelled:300");
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("180")).tif("IOC").build());
        assertThat(c.execs(2)).isEmpty();
        assertThat(c.transcript(2)).endsWith("status:2:Cancelled:0");
    }

    @Test
    void fokFillsCompletelyAtOnceOrIsCancelled() {
        h.setQuote("AAPL", "189.99", "190.01", null, "300");
        h.place(c, order(1, "AAPL").buy(d("500")).market().tif("FOK").build());
        assertThat(c.execs(1)).isEmpty();
        assertThat(c.statuses(1)).last().isEqualTo("Cancelled");
        h.setQuote("AAPL", "189.99", "190.01", null, "300");
        h.place(c, order(2, "AAPL").buy(d("300")).market().tif("FOK").build());
        assertThat(c.execs(2)).singleElement().satisfies(x -> assertThat(x.shares()).isEqualByComparingTo("300"));
        assertThat(c.statuses(2)).last().isEqualTo("Filled");
    }

    @Test
    void opgOrdersWaitForTheNextOpenAuction() {
        h.place(c, order(1, "AAPL").buy(d("10")).market().tif("OPG").build());
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).tif("OPG").build());
        assertThat(c.execs(1)).isEmpty();
        h.advance(Duration.ofHours(23)); // past today's close (they are not DAY orders), 09:00 Tuesday
        assertThat(c.statuses(1)).last().isEqualTo("Submitted");
        h.setPrice("AAPL", "191.00");
        assertThat(c.execs(1)).isEmpty(); // continuous trading does not touch OPG orders
        h.advance(Duration.ofMinutes(31));
        assertThat(c.execs(1)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("191.00"));
        assertThat(c.statuses(2)).last().isEqualTo("Cancelled"); // LOO below the open price
    }

    @Test
    void mocAndLocTradeInTheCloseAuctionOnly() {
        h.place(c, order(1, "AAPL").buy(d("100")).marketOnClose().build());
        h.place(c, order(2, "AAPL").sell(d("100")).limitOnClose(d("195")).build());
        h.place(c, order(3, "AAPL").sell(d("100")).limitOnClose(d("189")).build());
        h.setPrice("AAPL", "190.50");
        assertThat(c.execs(1)).isEmpty();
        h.engine.run(h.engine.auctions::runClose); // GatewaySimulator.runCloseAuction()
        assertThat(c.execs(1)).singleElement().satisfies(x -> {
            assertThat(x.price()).isEqualByComparingTo("190.50");
            assertThat(x.shares()).isEqualByComparingTo("100");
        });
        assertThat(c.statuses(2)).last().isEqualTo("Cancelled");
        assertThat(c.execs(3)).singleElement().satisfies(x -> assertThat(x.price()).isEqualByComparingTo("190.50"));
    }

    @Test
    void mocMustBeDayAndOpgOnlyMarketOrLimit() {
        h.place(c, order(1, "AAPL").buy(d("100")).marketOnClose().tif("GTC").build());
        h.place(c, order(2, "AAPL").buy(d("100")).stop(d("200")).tif("OPG").build());
        assertThat(c.statuses(1)).containsExactly("Inactive");
        assertThat(c.statuses(2)).containsExactly("Inactive");
    }

    @Test
    void theSessionSkipsWeekendsAndAutomaticAuctionsCanBeTurnedOff() {
        TradingCalendar cal = new TradingCalendar(SimulatorConfig.DEFAULT_ZONE, LocalTime.of(9, 30), LocalTime.of(16, 0));
        Instant fridayEvening = Instant.parse("2026-03-06T22:00:00Z");
        assertThat(cal.next(fridayEvening)).isEqualTo(new TradingCalendar.Event(Instant.parse("2026-03-09T13:30:00Z"),
                TradingCalendar.Kind.OPEN)); // Monday 09:30 EDT (DST began on the 8th)
        try (EngineHarness off = new EngineHarness(EngineHarness.config().withCloseTime(null))) {
            RecordingSession s = off.connect(1);
            off.place(s, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
            off.advance(Duration.ofDays(2));
            assertThat(s.statuses(1)).last().isEqualTo("Submitted");
        }
    }
}
