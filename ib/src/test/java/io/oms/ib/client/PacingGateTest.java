package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.PacingGate.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbound gate with a fake clock: token-bucket rate, cancels ahead of new orders, FIFO within a lane. */
class PacingGateTest {
    private long now = 1_000_000_000L;

    private void advanceMillis(long ms) { now += TimeUnit.MILLISECONDS.toNanos(ms); }

    @Test
    void urgentItemsLeaveBeforeNormalOnesWaitingLonger() {
        PacingGate<String> gate = PacingGate.paced(1, 1, () -> now);
        gate.offer(Lane.NORMAL, "order-1");
        gate.offer(Lane.NORMAL, "order-2");
        gate.offer(Lane.URGENT, "cancel-A");
        assertThat(gate.poll()).isEqualTo("cancel-A");
        assertThat(gate.poll()).as("no token left").isNull();
        advanceMillis(1_000);
        gate.offer(Lane.URGENT, "global-cancel");
        assertThat(gate.poll()).isEqualTo("global-cancel");
        advanceMillis(1_000);
        assertThat(gate.poll()).isEqualTo("order-1");
        advanceMillis(1_000);
        assertThat(gate.poll()).isEqualTo("order-2");
        assertThat(gate.poll()).isNull();
    }

    @Test
    void eachLaneKeepsItsOrderSoOrderIdsStayAscendingOnTheWire() {
        PacingGate<Integer> gate = PacingGate.unpaced();
        for (int id = 1; id <= 5; id++) gate.offer(Lane.NORMAL, id);
        List<Integer> out = new ArrayList<>();
        for (Integer i; (i = gate.poll()) != null; ) out.add(i);
        assertThat(out).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void neverReleasesMoreThanBurstPlusRateTimesElapsed() {
        PacingGate<Integer> gate = PacingGate.paced(45, 45, () -> now);
        for (int i = 0; i < 1_000; i++) gate.offer(Lane.NORMAL, i);
        int released = 0;
        for (int step = 0; step < 300; step++) { // 3 s in 10 ms steps
            while (gate.poll() != null) released++;
            advanceMillis(10);
        }
        while (gate.poll() != null) released++;
        assertThat(released).isBetween(45 + 45 * 3 - 1, 45 + 45 * 3);
    }

    @Test
    void reportsHowLongUntilTheNextTokenAndWhenNothingWaits() {
        PacingGate<String> gate = PacingGate.paced(10, 1, () -> now);
        assertThat(gate.nanosUntilReady()).isEqualTo(Long.MAX_VALUE);
        gate.offer(Lane.NORMAL, "a");
        gate.offer(Lane.NORMAL, "b");
        assertThat(gate.nanosUntilReady()).isZero();
        assertThat(gate.poll()).isEqualTo("a");
        assertThat(gate.nanosUntilReady()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        advanceMillis(60);
        assertThat(gate.nanosUntilReady()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
    }

    @Test
    void unpacedGateNeverHoldsAnythingBack() {
        PacingGate<Integer> gate = PacingGate.unpaced();
        for (int i = 0; i < 10_000; i++) gate.offer(i % 2 == 0 ? Lane.NORMAL : Lane.URGENT, i);
        int n = 0;
        while (gate.poll() != null) n++;
        assertThat(n).isEqualTo(10_000);
    }

    @Test
    void removedItemsAreReturnedAndNeverReleased() {
        PacingGate<String> gate = PacingGate.unpaced();
        gate.offer(Lane.NORMAL, "dead-1");
        gate.offer(Lane.URGENT, "dead-2");
        gate.offer(Lane.NORMAL, "live");
        assertThat(gate.remove(s -> s.startsWith("dead"))).containsExactlyInAnyOrder("dead-1", "dead-2");
        assertThat(gate.waiting()).isEqualTo(1);
        assertThat(gate.poll()).isEqualTo("live");
    }
}
