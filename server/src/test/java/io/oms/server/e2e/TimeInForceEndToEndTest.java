package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every time in force, and the outside-regular-hours flag, through the whole system with the outcome the
 * simulator's model gives. Time passes only on the simulator's manual clock, moved by the tests.
 */
// Moves the simulator's clock, which never goes back: runs after the classes that need it at the wall clock.
@Order(Integer.MAX_VALUE)
class TimeInForceEndToEndTest extends OrderTermsEndToEndTest {

    @Test
    void dayOrderEndsAtTheCloseWhileAGtcOrderKeepsWorking() {
        ApiClient.Response day = submit(terms("day", "AMZN", "BUY", "LMT", "5", "limitPrice", "1.00", "tif", "DAY"));
        ApiClient.Response gtc = submit(terms("gtc", "AMZN", "BUY", "LMT", "5", "limitPrice", "1.00", "tif", "GTC"));
        assertThat(day.text("state")).isEqualTo("ROUTED");
        assertThat(gtc.text("tif")).isEqualTo("GTC");
        assertThat(atBroker(gtc).tif()).isEqualTo("GTC");

        passNextClose();
        ApiClient.Response ended = awaitAnyState(day.text("id"), ENDED_BY_TIME);
        assertThat(ended.text("filledQty")).isEqualTo("0");
        assertThat(atBroker(day).status()).isEqualTo("Cancelled");
        assertThat(atBroker(gtc).status()).isEqualTo("Submitted");
        assertThat(api.get("/api/v1/orders/" + gtc.text("id")).text("state")).isEqualTo("ROUTED");

        // Still working after a second close too, until it is canceled.
        passNextClose();
        assertThat(atBroker(gtc).status()).isEqualTo("Submitted");
        ApiClient.Response canceled = api.post("/api/v1/orders/" + gtc.text("id") + "/cancel", "");
        assertThat(canceled.text("state")).isEqualTo("CANCELED");
    }

    @Test
    void immediateOrCancelFarFromTheMarketIsCanceledWithNothingFilled() {
        ApiClient.Response placed = submit(terms("iocfar", "QQQ", "BUY", "LMT", "10", "limitPrice", "1.00", "tif", "IOC"));
        ApiClient.Response canceled = awaitState(placed.text("id"), "CANCELED");
        assertThat(canceled.text("filledQty")).isEqualTo("0");
        assertThat(executions(placed.text("id"))).isEmpty();
        assertThat(atBroker(placed).tif()).isEqualTo("IOC");
    }

    @Test
    void immediateOrCancelAtTheMarketFillsWhatIsDisplayed() {
        // The simulator always displays at least one round lot: 100 shares fill at once.
        ApiClient.Response placed = submit(terms("iocmkt", "QQQ", "BUY", "MKT", "100", "tif", "IOC"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(filled.text("filledQty")).isEqualTo("100");
    }

    @Test
    void fillOrKillThatCannotFillCompletelyIsCanceledWithNothingFilled() {
        // More than the simulator ever displays (at most 1,000 shares a side): all or nothing means nothing.
        ApiClient.Response placed = submit(terms("fokbig", "SPY", "BUY", "MKT", "5000", "tif", "FOK"));
        ApiClient.Response canceled = awaitState(placed.text("id"), "CANCELED");
        assertThat(canceled.text("filledQty")).isEqualTo("0");
        assertThat(executions(placed.text("id"))).isEmpty();
    }

    @Test
    void fillOrKillThatCanFillCompletelyFillsInOneExecution() {
        ApiClient.Response placed = submit(terms("fokok", "SPY", "BUY", "MKT", "100", "tif", "FOK"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(filled.text("filledQty")).isEqualTo("100");
        assertThat(executions(placed.text("id"))).hasSize(1);
    }

    @Test
    void goodTillDateRestsThroughTheCloseAndEndsWhenItsTimePasses() {
        Instant expireAt = expiryAhead(Duration.ofDays(3));
        ApiClient.Response placed = submit(terms("gtd", "META", "BUY", "LMT", "5", "limitPrice", "1.00", "tif", "GTD",
                "expireAt", expireAt.toString()));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        assertThat(Instant.parse(placed.text("expireAt"))).isEqualTo(expireAt);
        SimOrderView atIb = atBroker(placed);
        assertThat(atIb.tif()).isEqualTo("GTD");
        assertThat(atIb.goodTillDate()).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC).format(expireAt));

        passNextClose(); // a close before the expiry does not end a GTD order
        assertThat(atBroker(placed).status()).isEqualTo("Submitted");
        assertThat(api.get("/api/v1/orders/" + placed.text("id")).text("state")).isEqualTo("ROUTED");

        simulator.setClock(expireAt.plusSeconds(1));
        ApiClient.Response ended = awaitAnyState(placed.text("id"), ENDED_BY_TIME);
        assertThat(ended.text("filledQty")).isEqualTo("0");
        assertThat(atBroker(placed).status()).isEqualTo("Cancelled");
    }

    @Test
    void atTheOpeningOrdersWaitForTheOpeningAuction() {
        simulator.setPrice("IBM", new BigDecimal("200.00"));
        ApiClient.Response market = submit(terms("opgmkt", "IBM", "BUY", "MKT", "200", "tif", "OPG"));
        ApiClient.Response farLimit = submit(terms("opglmt", "IBM", "BUY", "LMT", "5", "limitPrice", "150.00", "tif", "OPG"));
        // Marketable now, yet not filled: OPG orders trade only in the opening auction.
        assertThat(market.text("state")).isEqualTo("ROUTED");
        assertThat(atBroker(market).filled()).isZero();

        passNextOpen();
        ApiClient.Response filled = awaitState(market.text("id"), "FILLED");
        assertThat(filled.text("filledQty")).isEqualTo("200");
        assertThat(executions(market.text("id"))).hasSize(1);
        ApiClient.Response notFilled = awaitAnyState(farLimit.text("id"), ENDED_BY_TIME);
        assertThat(notFilled.text("filledQty")).isEqualTo("0");
    }

    @Test
    void outsideRegularHoursReachesIbAsTheOrdersFlag() {
        ApiClient.Response flagged = submit(terms("rth", "MSFT", "BUY", "STP", "5", "stopPrice", "900.00", "tif", "GTC",
                "outsideRth", true));
        ApiClient.Response plain = submit(terms("rthno", "MSFT", "BUY", "LMT", "5", "limitPrice", "1.00"));
        assertThat(flagged.body().get("outsideRth").asBoolean()).isTrue();
        assertThat(plain.body().get("outsideRth").asBoolean()).isFalse();
        assertThat(atBroker(flagged).outsideRth()).isTrue();
        assertThat(atBroker(plain).outsideRth()).isFalse();
        assertThat(api.get("/api/v1/orders/" + flagged.text("id")).body().get("outsideRth").asBoolean()).isTrue();
    }
}
