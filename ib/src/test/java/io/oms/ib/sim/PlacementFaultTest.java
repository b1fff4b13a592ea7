package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CompletedOrder;
import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqOpenOrders;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Placements IB never sees (swallowed) and new orders whose acknowledgement comes late. */
class PlacementFaultTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void aSwallowedPlacementCreatesNoOrderAndIsNeverAnswered() {
        h.faults().swallowPlacements(FaultRule.nextN(1));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.messages).isEmpty();
        assertThat(h.engine.call(() -> java.util.List.copyOf(h.engine.book.all()))).isEmpty();
        assertThat(count(true, "ref-1")).isEqualTo(1);
        assertThat(count(false, "ref-1")).isEqualTo(1);
    }

    @Test
    void theIdOfASwallowedPlacementStaysFreeAndTheNextPlacementWorks() {
        h.faults().swallowPlacements(FaultRule.nextN(1));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "Submitted", "Filled");
        assertThat(count(true, "ref-1")).isEqualTo(1);
        assertThat(count(false, "ref-1")).isEqualTo(2);
    }

    @Test
    void swallowingSparesModifiesOfWorkingOrders() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.faults().swallowPlacements(FaultRule.always());
        c.clear();
        h.place(c, order(1, "AAPL").buy(d("12")).limit(d("150")).build());
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).build());
        assertThat(c.of(OpenOrder.class)).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo(1);
            assertThat(o.totalQuantity()).isEqualByComparingTo("12");
        });
        assertThat(c.transcript(2)).isEmpty();
    }

    @Test
    void aDelayedAcknowledgementHoldsTheOrdersMessagesWhileItWorks() {
        h.faults().delayAcknowledgements(FaultRule.nextN(1), Duration.ofMillis(300));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).build());
        assertThat(c.transcript(1)).isEmpty();
        assertThat(c.statuses(2)).containsExactly("PreSubmitted", "Submitted"); // only the next new order is delayed

        h.send(c, new ReqExecutions(5, ExecutionFilter.forClient(7)));
        assertThat(c.of(ExecDetails.class)).extracting(ExecDetails::orderRef).containsExactly("ref-1");
        h.send(c, new ReqCompletedOrders(false));
        assertThat(c.of(CompletedOrder.class)).extracting(CompletedOrder::orderRef, CompletedOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ref-1", "Filled"));

        Waits.until("the held messages", () -> c.statuses(1).size() == 3);
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "Submitted", "Filled");
    }

    @Test
    void aWorkingOrderWithADelayedAcknowledgementShowsInOpenOrders() {
        h.faults().delayAcknowledgements(FaultRule.always(), Duration.ofSeconds(30));
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        assertThat(c.messages).isEmpty();
        h.send(c, new ReqOpenOrders());
        assertThat(c.of(OpenOrder.class)).singleElement().satisfies(o -> {
            assertThat(o.orderRef()).isEqualTo("ref-1");
            assertThat(o.status()).isEqualTo("Submitted");
        });
    }

    @Test
    void clearingFaultsLiftsThePlacementFaults() {
        h.faults().swallowPlacements(FaultRule.always());
        h.faults().delayAcknowledgements(FaultRule.always(), Duration.ofSeconds(30));
        h.faults().clear();
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "Submitted", "Filled");
    }

    private int count(boolean swallowed, String ref) {
        return h.engine.call(() -> swallowed ? h.engine.placements.swallowedFor(ref) : h.engine.placements.receivedFor(ref));
    }
}
