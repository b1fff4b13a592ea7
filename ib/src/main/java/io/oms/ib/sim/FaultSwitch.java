package io.oms.ib.sim;

import java.util.Random;

/** The live state of one {@link FaultRule}: a countdown, then a probability. Engine-thread only. */
final class FaultSwitch {
    private int left;
    private double probability;

    void set(FaultRule rule) {
        left = rule.next();
        probability = rule.probability();
    }

    boolean armed() { return left > 0 || probability > 0; }

    /** Draws from random only when a probability is set, so unused faults never shift the fault stream. */
    boolean fire(Random random) {
        if (left > 0) {
            left--;
            return true;
        }
        return probability > 0 && random.nextDouble() < probability;
    }
}
