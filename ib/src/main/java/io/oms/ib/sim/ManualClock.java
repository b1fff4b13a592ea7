package io.oms.ib.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Give it to {@link GatewaySimulator} to make GTD expiry, the open and
 * close auctions and execution times deterministic; move it with {@link GatewaySimulator#advanceClock} so the
 * simulator runs the time events it crossed immediately (moving it directly defers them to the next tick).
 * It never goes backwards: the simulator's time events assume time is monotonic.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ManualClock(Instant start) { this(start, ZoneOffset.UTC); }

    public ManualClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    private ManualClock(AtomicReference<Instant> shared, ZoneId zone) {
        this.now = shared;
        this.zone = zone;
    }

    public void set(Instant t) {
        now.updateAndGet(cur -> {
            if (t.isBefore(cur)) throw new IllegalArgumentException("clock cannot go backwards: " + t + " < " + cur);
            return t;
        });
    }

    public void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("clock cannot go backwards: " + d);
        now.updateAndGet(cur -> cur.plus(d));
    }

    @Override public Instant instant() { return now.get(); }

    @Override public ZoneId getZone() { return zone; }

    /** Shares the same time source, so both views move together. */
    @Override public Clock withZone(ZoneId z) { return new ManualClock(now, z); }
}
