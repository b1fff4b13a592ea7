package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every order type through the whole system (REST, workflow, connector, simulator socket) with the outcome the
 * simulator's model gives: stops held until the market crosses them, trailing stops that follow the market,
 * close-auction orders filled when the simulator's clock passes the close. MKT and LMT are covered by
 * {@link OrderLifecycleEndToEndTest}. Prices are set far (10% and more) from anything the random walk reaches in a test.
 */
// Moves the simulator's clock, which never goes back: runs after the classes that need it at the wall clock.
@Order(Integer.MAX_VALUE)
class OrderTypesEndToEndTest extends OrderTermsEndToEndTest {

    @Test
    void stopIsHeldUntilTheMarketCrossesItThenFillsAsAMarketOrder() {
        simulator.setPrice("TSLA", new BigDecimal("100.00"));
        ApiClient.Response placed = submit(terms("stp", "TSLA", "SELL", "STP", "10", "stopPrice", "90.00", "tif", "GTC"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        assertThat(placed.text("stopPrice")).isEqualTo("90");
        assertThat(placed.text("limitPrice")).isNull();
        SimOrderView held = atBroker(placed);
        assertThat(held.orderType()).isEqualTo("STP");
        assertThat(held.auxPrice()).isEqualByComparingTo("90.00");
        assertThat(held.status()).isEqualTo("PreSubmitted");
        assertThat(held.filled()).isZero();

        simulator.setPrice("TSLA", new BigDecimal("85.00"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "filledQty")).isEqualByComparingTo("10");
        assertThat(decimal(filled, "avgFillPrice")).isLessThan(new BigDecimal("90.00"));
        assertThat(api.get("/api/v1/orders/" + placed.text("id")).text("stopPrice")).isEqualTo("90");
    }

    @Test
    void stopLimitIsElectedByItsStopButTradesOnlyWithinItsLimit() {
        simulator.setPrice("GOOGL", new BigDecimal("100.00"));
        ApiClient.Response placed = submit(terms("stplmt", "GOOGL", "SELL", "STP_LMT", "10", "stopPrice", "90.00",
                "limitPrice", "89.00", "tif", "GTC"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        assertThat(placed.text("type")).isEqualTo("STP_LMT");
        assertThat(atBroker(placed).orderType()).isEqualTo("STP LMT");

        // Through the stop but below the limit: elected (Submitted at IB), nothing sold.
        simulator.setPrice("GOOGL", new BigDecimal("80.00"));
        SimOrderView elected = atBroker(placed);
        assertThat(elected.status()).isEqualTo("Submitted");
        assertThat(elected.filled()).isZero();
        assertThat(api.get("/api/v1/orders/" + placed.text("id")).text("state")).isEqualTo("ROUTED");

        simulator.setPrice("GOOGL", new BigDecimal("89.60"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "avgFillPrice")).isGreaterThanOrEqualTo(new BigDecimal("89.00"));
    }

    @Test
    void trailingStopByAmountFollowsTheMarketUpAndSellsOnTheWayDown() {
        simulator.setPrice("AAPL", new BigDecimal("100.00"));
        ApiClient.Response placed = submit(terms("trla", "AAPL", "SELL", "TRAIL", "10", "trailAmount", "5.00", "tif", "GTC"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        assertThat(placed.text("trailAmount")).isEqualTo("5");
        assertThat(atBroker(placed).auxPrice()).isEqualByComparingTo("5.00");

        simulator.setPrice("AAPL", new BigDecimal("120.00"));
        SimOrderView trailed = atBroker(placed);
        assertThat(trailed.trailStopPrice()).isGreaterThanOrEqualTo(new BigDecimal("115.00"));
        assertThat(trailed.filled()).isZero();

        // 110 is far above the first stop (95), but below the trailed one: the order sells.
        simulator.setPrice("AAPL", new BigDecimal("110.00"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "avgFillPrice")).isGreaterThan(new BigDecimal("105.00"));
    }

    @Test
    void trailingStopByPercentFollowsTheMarketDownAndBuysOnTheWayUp() {
        simulator.setPrice("TSLA", new BigDecimal("100.00"));
        ApiClient.Response placed = submit(terms("trlp", "TSLA", "BUY", "TRAIL", "10", "trailPercent", "10", "tif", "GTC"));
        assertThat(placed.text("trailPercent")).isEqualTo("10");
        SimOrderView atIb = atBroker(placed);
        assertThat(atIb.trailingPercent()).isEqualByComparingTo("10");
        assertThat(atIb.auxPrice()).isNull();

        simulator.setPrice("TSLA", new BigDecimal("80.00"));
        assertThat(atBroker(placed).trailStopPrice()).isLessThanOrEqualTo(new BigDecimal("88.00"));

        simulator.setPrice("TSLA", new BigDecimal("90.00"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "avgFillPrice")).isLessThan(new BigDecimal("100.00"));
    }

    @Test
    void trailingStopStartsFromTheInitialStopItIsGiven() {
        simulator.setPrice("GOOGL", new BigDecimal("100.00"));
        // A buy trailing by 5 would start at 105; the initial stop holds it at 102 until the market falls below 97.
        ApiClient.Response placed = submit(terms("trli", "GOOGL", "BUY", "TRAIL", "10", "trailAmount", "5.00",
                "stopPrice", "102.00", "tif", "GTC"));
        assertThat(placed.text("stopPrice")).isEqualTo("102");
        assertThat(atBroker(placed).trailStopPrice()).isEqualByComparingTo("102.00");

        simulator.setPrice("GOOGL", new BigDecimal("103.00"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "avgFillPrice")).isLessThan(new BigDecimal("105.00"));
    }

    @Test
    void marketOnCloseWaitsForTheClosingAuctionAndFillsAtTheClosePrice() {
        simulator.setPrice("AAPL", new BigDecimal("150.00"));
        ApiClient.Response placed = submit(terms("moc", "AAPL", "BUY", "MOC", "300"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        assertThat(placed.text("tif")).isEqualTo("DAY");
        assertThat(atBroker(placed).outsideRth()).isFalse();

        passNextClose();
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(decimal(filled, "filledQty")).isEqualByComparingTo("300");
        // The auction takes the whole order at one price: one execution, at the price IB reported.
        assertThat(executions(placed.text("id"))).singleElement().satisfies(e -> {
            assertThat(new BigDecimal(e.get("qty").asString())).isEqualByComparingTo("300");
            assertThat(new BigDecimal(e.get("price").asString())).isEqualByComparingTo(decimal(filled, "avgFillPrice"));
        });
        assertThat(decimal(filled, "avgFillPrice")).isBetween(new BigDecimal("140.00"), new BigDecimal("160.00"));
    }

    @Test
    void limitOnCloseFillsAtTheCloseWithinItsLimitAndIsCanceledOutsideIt() {
        simulator.setPrice("GOOGL", new BigDecimal("150.00"));
        ApiClient.Response within = submit(terms("locin", "GOOGL", "BUY", "LOC", "10", "limitPrice", "170.00"));
        ApiClient.Response outside = submit(terms("locout", "GOOGL", "BUY", "LOC", "10", "limitPrice", "120.00"));
        assertThat(within.text("state")).isEqualTo("ROUTED");
        assertThat(outside.text("state")).isEqualTo("ROUTED");

        passNextClose();
        ApiClient.Response filled = awaitState(within.text("id"), "FILLED");
        assertThat(decimal(filled, "avgFillPrice")).isLessThanOrEqualTo(new BigDecimal("170.00"));
        // IB cancels it because its auction passed: CANCELED, or EXPIRED once the workflow tells the two apart.
        ApiClient.Response canceled = awaitAnyState(outside.text("id"), ENDED_BY_TIME);
        assertThat(canceled.text("filledQty")).isEqualTo("0");
        assertThat(executions(outside.text("id"))).isEmpty();
    }
}
