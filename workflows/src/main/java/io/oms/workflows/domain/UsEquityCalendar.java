package io.oms.workflows.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;

/**
 * The US equity exchanges' (NYSE, Nasdaq) session calendar: regular hours 09:30-16:00 New York time, the
 * full-day holidays and the 13:00 early closes, derived from the exchanges' published rules rather than a
 * table, so it needs no yearly edit. Pure and deterministic: safe in workflow code.
 */
public final class UsEquityCalendar {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    /** One-off closures the rules cannot know (national days of mourning). */
    private static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(LocalDate.of(2025, 1, 9));
    private static final int SEARCH_DAYS = 14;

    private UsEquityCalendar() {}

    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The close of the day's regular session (13:00 on early-close days), or empty when the market is shut. */
    public static Optional<ZonedDateTime> sessionClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        return Optional.of(date.atTime(isEarlyClose(date) ? EARLY_CLOSE : CLOSE).atZone(ZONE));
    }

    public static Optional<ZonedDateTime> sessionOpen(LocalDate date) {
        return isTradingDay(date) ? Optional.of(date.atTime(OPEN).atZone(ZONE)) : Optional.empty();
    }

    /** The first regular-session close strictly after {@code at}: when a DAY order submitted then expires. */
    public static Instant nextSessionClose(Instant at) {
        LocalDate date = at.atZone(ZONE).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            Optional<ZonedDateTime> close = sessionClose(date.plusDays(i));
            if (close.isPresent() && close.get().toInstant().isAfter(at)) {
                return close.get().toInstant();
            }
        }
        throw new IllegalStateException("no session close within " + SEARCH_DAYS + " days of " + at);
    }

    /** True inside the regular session (open inclusive, close exclusive). */
    public static boolean isRegularHours(Instant at) {
        LocalDate date = at.atZone(ZONE).toLocalDate();
        Optional<ZonedDateTime> open = sessionOpen(date);
        Optional<ZonedDateTime> close = sessionClose(date);
        return open.isPresent() && !at.isBefore(open.get().toInstant()) && at.isBefore(close.get().toInstant());
    }

    public static boolean isEarlyClose(LocalDate date) {
        if (isHoliday(date) || date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalDate thanksgiving = nth(date.getYear(), Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        return date.equals(thanksgiving.plusDays(1))
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24)
                || (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3);
    }

    public static boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        return SPECIAL_CLOSURES.contains(date)
                || date.equals(newYearsDay(year))
                || date.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))     // Martin Luther King Jr. Day
                || date.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))    // Washington's Birthday
                || date.equals(easterSunday(year).minusDays(2))                    // Good Friday
                || date.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                || (year >= 2022 && date.equals(observed(LocalDate.of(year, Month.JUNE, 19))))
                || date.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || date.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))   // Labor Day
                || date.equals(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))  // Thanksgiving
                || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /** New Year's Day on a Saturday is not observed on the Friday before (that Friday ends the prior year). */
    private static LocalDate newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    /** A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
