package io.oms.ib.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The exchange session in the simulator's time zone: an open and a close auction on weekdays (no holiday
 * calendar). Continuous trading is not gated by the session: the simulated market trades around the clock,
 * so tests run at any hour; the session only decides when OPG, MOC/LOC and DAY orders are acted upon.
 */
final class TradingCalendar {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    enum Kind { OPEN, CLOSE }

    record Event(Instant at, Kind kind) {}

    final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;

    TradingCalendar(ZoneId zone, LocalTime open, LocalTime close) {
        this.zone = zone;
        this.open = open;
        this.close = close;
    }

    /** The first open or close strictly after t; null when automatic auctions are off (no close time). */
    Event next(Instant t) {
        if (close == null) return null;
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i < 8; i++, day = day.plusDays(1)) { // a week always holds a weekday
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            Instant o = day.atTime(open).atZone(zone).toInstant();
            if (o.isAfter(t)) return new Event(o, Kind.OPEN);
            Instant c = day.atTime(close).atZone(zone).toInstant();
            if (c.isAfter(t)) return new Event(c, Kind.CLOSE);
        }
        throw new IllegalStateException("no session within a week of " + t);
    }

    /** Midnight of t's exchange day: reqExecutions and reqCompletedOrders only cover "today". */
    Instant startOfDay(Instant t) { return t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant(); }

    /** IB's "yyyyMMdd HH:mm:ss US/Eastern" form, used for exec and completed times. */
    String format(Instant t) { return TIME.format(t.atZone(zone)) + " " + zone.getId(); }
}
