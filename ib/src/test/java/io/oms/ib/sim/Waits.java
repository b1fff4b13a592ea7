package io.oms.ib.sim;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait in these tests has a deadline. */
final class Waits {
    static final Duration WAIT = Duration.ofSeconds(5);

    private Waits() {}

    static void until(String what, BooleanSupplier condition) { until(WAIT, what, condition); }

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Asserts condition stays false for a short while (for "nothing more arrives" checks). */
    static void never(Duration window, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) throw new AssertionError("unexpectedly saw " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
