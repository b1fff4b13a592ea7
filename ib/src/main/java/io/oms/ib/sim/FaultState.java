package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;

/**
 * The injected faults currently in force. Engine-thread only, except the pacing settings, which the
 * connection reader threads read (hence volatile).
 */
final class FaultState {
    final Random random;
    /** Between 1100 and 1101/1102: order/execution reports are lost, IB-simulated orders do not elect. */
    boolean connectivityLost;
    final FaultSwitch duplicateStatus = new FaultSwitch();
    final FaultSwitch delayStatus = new FaultSwitch();
    final FaultSwitch reorderStatus = new FaultSwitch();
    final FaultSwitch lateCommission = new FaultSwitch();
    final FaultSwitch missingCommission = new FaultSwitch();
    final FaultSwitch correction = new FaultSwitch();
    /** New orders IB never sees: the placeOrder is dropped unanswered and no order is created. */
    final FaultSwitch swallowPlacement = new FaultSwitch();
    /** New orders that work at once but whose messages reach their client only after ackDelay. */
    final FaultSwitch delayAck = new FaultSwitch();
    Duration ackDelay = Duration.ZERO;
    Duration statusDelay = Duration.ZERO;
    Duration commissionDelay = Duration.ZERO;
    BigDecimal correctionDelta = BigDecimal.ZERO;
    /** Time between PendingCancel and Cancelled, during which the order can still fill. */
    Duration cancelDelay = Duration.ZERO;
    volatile int pacingLimit;
    volatile PacingMode pacingMode;

    FaultState(long seed, int pacingLimit, PacingMode pacingMode) {
        this.random = Randoms.derive(seed, "faults");
        this.pacingLimit = pacingLimit;
        this.pacingMode = pacingMode;
    }

    /** Clears every message fault (not connectivity, not pacing: those have their own switches). */
    void clearMessageFaults() {
        FaultRule off = FaultRule.off();
        duplicateStatus.set(off);
        delayStatus.set(off);
        reorderStatus.set(off);
        lateCommission.set(off);
        missingCommission.set(off);
        correction.set(off);
        swallowPlacement.set(off);
        delayAck.set(off);
        cancelDelay = Duration.ZERO;
    }
}
