package io.oms.api.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One open event stream, as the hub sees it: a wake-up signal (new events may be there for its tenant) and a
 * closed flag. It holds no events: the stream reads them from the outbox itself, so a slow client only lags
 * behind (holding one batch at most) and never holds up the hub or other streams.
 */
final class StreamConnection {
    private final String tenantId;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;

    StreamConnection(String tenantId) {
        this.tenantId = tenantId;
    }

    String tenantId() {
        return tenantId;
    }

    /** New events may be published for the tenant (never blocks; several wake-ups before a wait count as one). */
    void wake() {
        if (wake.availablePermits() == 0) wake.release();
    }

    /** Waits until woken, closed or the timeout passes; true when woken. */
    boolean await(Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) return false;
        boolean woken = wake.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        wake.drainPermits();
        return woken;
    }

    void close() {
        closed = true;
        wake();
    }

    boolean closed() {
        return closed;
    }
}
