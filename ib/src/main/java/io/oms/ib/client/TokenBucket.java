package io.oms.ib.client;

import java.util.concurrent.TimeUnit;

/**
 * Outbound pacing: IB terminates sessions that exceed its message rate, so senders wait for a token.
 * Simple synchronized refill-on-demand bucket; waits are bounded by the caller's timeout.
 */
final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst) {
        this.ratePerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.capacity = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Takes one token, sleeping as needed; false if none became available within the timeout. */
    boolean acquire(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return true;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / ratePerNano);
            }
            if (System.nanoTime() + waitNanos > deadline) return false;
            TimeUnit.NANOSECONDS.sleep(Math.max(waitNanos, 100_000));
        }
    }
}
