package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CancelOrder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cancel-delay fault: an order in PendingCancel can still fill, as at IB. */
class CancelRaceTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void aFillDuringPendingCancelWinsAndNoCancelFollows() {
        h.faults().delayCancels(Duration.ofMillis(100));
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.send(c, new CancelOrder(1, null));
        assertThat(c.statuses(1)).last().isEqualTo("PendingCancel");
        h.setPrice("AAPL", "149");
        assertThat(c.statuses(1)).last().isEqualTo("Filled");
        Waits.never(Duration.ofMillis(250), "a Cancelled or 202 after the fill",
                () -> c.statuses(1).contains("Cancelled") || c.errorCodes().contains(202));
    }

    @Test
    void withoutAFillTheDelayedCancelIsConfirmed() {
        h.faults().delayCancels(Duration.ofMillis(50));
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        h.send(c, new CancelOrder(1, null));
        Waits.until("the confirmed cancel", () -> c.errorCodes().contains(202));
        assertThat(c.transcript(1)).endsWith("status:1:PendingCancel:0", "status:1:Cancelled:0", "error:1:202");
    }
}
