package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Duplicated, delayed and reordered orderStatus messages. */
class OrderStatusFaultTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void duplicateSendsTheNextStatusesTwice() {
        h.faults().duplicateOrderStatus(FaultRule.nextN(2));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "PreSubmitted", "Submitted", "Submitted", "Filled");
    }

    @Test
    void reorderSendsAStatusAfterTheClientsNextStatus() {
        h.faults().reorderOrderStatus(FaultRule.nextN(1));
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        assertThat(c.statuses(1)).containsExactly("Submitted", "PreSubmitted");
    }

    @Test
    void aReorderedStatusWithNothingAfterItIsStillDeliveredShortlyAfter() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.faults().reorderOrderStatus(FaultRule.nextN(1));
        h.send(c, new io.oms.ib.msg.CancelOrder(1, null));
        Waits.until("the held PendingCancel", () -> c.statuses(1).size() == 4);
        assertThat(c.statuses(1)).containsExactly("PreSubmitted", "Submitted", "Cancelled", "PendingCancel");
    }

    @Test
    void delayLetsLaterMessagesOvertakeTheStatus() {
        h.faults().delayOrderStatus(FaultRule.nextN(1), Duration.ofMillis(100));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        Waits.until("the delayed status", () -> c.statuses(1).size() == 3);
        List<String> lines = c.transcript(1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("status:1:PreSubmitted:0");
        assertThat(lines.indexOf("exec:1:10@190.01")).isLessThan(lines.indexOf("status:1:PreSubmitted:0"));
    }

    @Test
    void probabilisticFaultsAreDecidedByTheSeed() {
        List<String> first = statusesWithHalfDuplicated(42);
        assertThat(first).isEqualTo(statusesWithHalfDuplicated(42));
        assertThat(first).isNotEqualTo(statusesWithHalfDuplicated(7));
    }

    private static List<String> statusesWithHalfDuplicated(long seed) {
        try (EngineHarness run = new EngineHarness(EngineHarness.config().withSeed(seed))) {
            RecordingSession s = run.connect(7);
            run.faults().duplicateOrderStatus(FaultRule.withProbability(0.5));
            for (int id = 1; id <= 10; id++) run.place(s, order(id, "AAPL").buy(d("10")).market().build());
            return s.transcript().stream().filter(l -> l.startsWith("status:")).toList();
        }
    }
}
