package io.oms.server.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for tests: a condition checked every 50 ms until it holds or the time is up. */
public final class Waits {
    private static final long POLL_MILLIS = 50;

    private Waits() {}

    /** Returns once {@code condition} holds; fails with "{@code what} not reached within …" after {@code timeout}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached within " + timeout);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
