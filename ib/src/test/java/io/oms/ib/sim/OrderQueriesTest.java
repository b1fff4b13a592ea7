package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.*;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Global cancel, completed orders, manual-order binding, open orders, executions, positions, ids. */
class OrderQueriesTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c7 = h.connect(7);
    final RecordingSession c8 = h.connect(8);

    @AfterEach
    void close() { h.close(); }

    @Test
    void globalCancelCancelsEveryWorkingOrderOfEveryClient() {
        h.place(c7, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.place(c8, order(1, "MSFT").sell(d("10")).limit(d("500")).build());
        h.place(c8, order(2, "MSFT").buy(d("10")).market().build());
        c7.clear();
        c8.clear();
        h.send(c7, new ReqGlobalCancel());
        assertThat(c7.transcript(1)).containsExactly("status:1:PendingCancel:0", "status:1:Cancelled:0", "error:1:202");
        assertThat(c8.transcript(1)).containsExactly("status:1:PendingCancel:0", "status:1:Cancelled:0", "error:1:202");
        assertThat(c8.transcript(2)).isEmpty(); // already filled
    }

    @Test
    void completedOrdersAreTodaysFilledCancelledAndRejectedOrders() {
        h.place(c7, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c7, order(2, "AAPL").buy(d("10")).limit(d("150")).build());
        h.send(c7, new CancelOrder(2, null));
        h.place(c7, order(3, "AAPL").buy(d("0.5")).limit(d("-1")).build());
        h.place(c7, order(4, "AAPL").buy(d("10")).limit(d("150")).build()); // still working
        h.engine.call(() -> h.engine.intake.placeManual(order(0, "MSFT").buy(d("5")).market().build()));
        c7.clear();
        h.send(c7, new ReqCompletedOrders(false));
        assertThat(c7.of(CompletedOrder.class)).extracting(CompletedOrder::orderRef, CompletedOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ref-1", "Filled"),
                        org.assertj.core.groups.Tuple.tuple("ref-2", "Cancelled"),
                        org.assertj.core.groups.Tuple.tuple("ref-3", "Inactive"),
                        org.assertj.core.groups.Tuple.tuple("ref-0", "Filled"));
        assertThat(c7.of(CompletedOrder.class).get(0).filledQuantity()).isEqualByComparingTo("10");
        assertThat(c7.of(CompletedOrder.class).get(0).completedTime()).isEqualTo("20260302 10:00:00 US/Eastern");
        assertThat(c7.messages.get(c7.messages.size() - 1)).isInstanceOf(CompletedOrdersEnd.class);
        c7.clear();
        h.send(c7, new ReqCompletedOrders(true));
        assertThat(c7.of(CompletedOrder.class)).hasSize(3); // the manual (TWS) order is not an API order
        h.advance(Duration.ofDays(1));
        c7.clear();
        h.send(c7, new ReqCompletedOrders(false));
        assertThat(c7.of(CompletedOrder.class)).extracting(CompletedOrder::orderRef).containsExactly("ref-4"); // expired DAY
    }

    @Test
    void manualOrdersAreUnboundUntilClientZeroBindsThemWithOrderBound() {
        long permId = h.engine.call(() -> h.engine.intake.placeManual(order(0, "AAPL").buy(d("10")).limit(d("150")).build()));
        h.send(c7, new ReqAllOpenOrders());
        assertThat(c7.of(OpenOrder.class)).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isZero();
            assertThat(o.permId()).isEqualTo(permId);
        });
        RecordingSession c0 = h.connect(0);
        h.send(c0, new ReqOpenOrders());
        assertThat(c0.messages.get(0)).isEqualTo(new OrderBound(permId, 0, -1));
        assertThat(c0.of(OpenOrder.class)).singleElement().satisfies(o -> assertThat(o.orderId()).isEqualTo(-1));
        c0.clear();
        h.send(c0, new CancelOrder(-1, null));
        assertThat(c0.transcript(-1)).containsExactly("status:-1:PendingCancel:0", "status:-1:Cancelled:0", "error:-1:202");
    }

    @Test
    void reqOpenOrdersListsThisClientsWorkingOrdersAndReqAllOpenOrdersEveryClients() {
        h.place(c7, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.place(c8, order(1, "MSFT").buy(d("10")).limit(d("150")).build());
        h.place(c8, order(2, "MSFT").buy(d("10")).market().build());
        c7.clear();
        h.send(c7, new ReqOpenOrders());
        assertThat(c7.transcript()).containsExactly("open:1:Submitted", "status:1:Submitted:0", "OpenOrderEnd");
        c7.clear();
        h.send(c7, new ReqAllOpenOrders());
        assertThat(c7.of(OpenOrder.class)).extracting(OpenOrder::clientId, OpenOrder::symbol)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "AAPL"), org.assertj.core.groups.Tuple.tuple(8, "MSFT"));
    }

    @Test
    void openOrdersAndTheOrderViewEchoTheTermsTheClientSent() {
        h.place(c7, order(1, "AAPL").sell(d("10")).trailPercent(d("1.5")).goodTill("20260310-20:00:00").outsideRth(true).build());
        h.place(c7, order(2, "AAPL").buy(d("10")).limit(d("150")).build());
        c7.clear();
        h.send(c7, new ReqOpenOrders());
        assertThat(c7.of(OpenOrder.class)).extracting(OpenOrder::orderId, OpenOrder::outsideRth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));
        SimOrderView trail = h.engine.call(() -> h.engine.book.all().stream().filter(o -> o.orderId == 1).findFirst().orElseThrow().view());
        assertThat(trail.outsideRth()).isTrue();
        assertThat(trail.trailingPercent()).isEqualByComparingTo("1.5");
        assertThat(trail.goodTillDate()).isEqualTo("20260310-20:00:00");
    }

    @Test
    void reqExecutionsReplaysTodaysFillsThroughTheFilterEachWithItsCommission() {
        h.place(c7, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c8, order(1, "MSFT").sell(d("5")).market().build());
        h.advance(Duration.ofMinutes(10));
        h.place(c7, order(2, "MSFT").buy(d("3")).market().build());
        c7.clear();
        h.send(c7, new ReqExecutions(42, ExecutionFilter.all()));
        assertThat(c7.transcript()).containsExactly("exec:1:10@190.01", "comm:1.00", "exec:1:5@409.99", "comm:1.00",
                "exec:2:3@410.01", "comm:1.00", "ExecDetailsEnd");
        assertThat(c7.of(ExecDetails.class)).allSatisfy(x -> assertThat(x.reqId()).isEqualTo(42));
        assertThat(replay(new ExecutionFilter(7, null, null, null, null, null, null))).hasSize(2);
        assertThat(replay(new ExecutionFilter(0, null, null, "MSFT", null, null, "SELL"))).hasSize(1);
        assertThat(replay(new ExecutionFilter(0, null, "20260302-15:05:00", null, null, null, null))).hasSize(1);
        assertThat(replay(new ExecutionFilter(0, "DU0000000", null, null, null, null, null))).isEmpty();
        h.advance(Duration.ofDays(1));
        assertThat(replay(ExecutionFilter.all())).isEmpty(); // only the current day's executions
    }

    private java.util.List<ExecDetails> replay(ExecutionFilter f) {
        c7.clear();
        h.send(c7, new ReqExecutions(1, f));
        assertThat(c7.messages).last().isEqualTo(new ExecDetailsEnd(1));
        return c7.of(ExecDetails.class);
    }

    @Test
    void positionsNetTheDaysFillsPerAccountAndSymbol() {
        h.place(c7, order(1, "AAPL").buy(d("100")).market().build());
        h.place(c7, order(2, "AAPL").sell(d("30")).market().build());
        c7.clear();
        h.send(c7, new ReqPositions());
        assertThat(c7.of(Position.class)).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualByComparingTo("70");
            assertThat(p.avgCost()).isEqualByComparingTo("190.01");
        });
        assertThat(c7.messages).last().isInstanceOf(PositionEnd.class);
    }

    @Test
    void reqIdsAnswersOneAboveTheClientsHighestId() {
        h.place(c7, order(41, "AAPL").buy(d("1")).market().build());
        c7.clear();
        h.send(c7, new ReqIds(1));
        assertThat(c7.messages).containsExactly(new NextValidId(42));
        h.send(c8, new ReqIds(1));
        assertThat(c8.messages).containsExactly(new NextValidId(1)); // ids are per client
    }
}
