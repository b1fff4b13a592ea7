package io.oms.workflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UsEquityCalendarTest {

    /** The exchanges' published full-day closures. */
    @Test
    void knowsThePublishedHolidaysOf2025To2027() {
        assertThat(holidays(2025)).containsExactly("2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18",
                "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25");
        assertThat(holidays(2026)).containsExactly("2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25",
                "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25");
        assertThat(holidays(2027)).containsExactly("2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31",
                "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24");
    }

    @Test
    void knowsThePublishedEarlyCloses() {
        assertThat(earlyCloses(2025)).containsExactly("2025-07-03", "2025-11-28", "2025-12-24");
        assertThat(earlyCloses(2026)).containsExactly("2026-11-27", "2026-12-24");
        assertThat(earlyCloses(2027)).containsExactly("2027-11-26");
    }

    @Test
    void aDayOrderExpiresAtTheSameDaysCloseDuringTheSession() {
        // 2026-12-01 is a Tuesday; 15:00 New York is 20:00 UTC.
        assertThat(UsEquityCalendar.nextSessionClose(Instant.parse("2026-12-01T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
    }

    @Test
    void aDayOrderAfterTheCloseExpiresAtTheNextTradingDaysClose() {
        // Friday after the close -> Monday's close.
        assertThat(UsEquityCalendar.nextSessionClose(Instant.parse("2026-12-04T22:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T21:00:00Z"));
    }

    @Test
    void anEarlyCloseDayEndsAtOnePm() {
        // Day after Thanksgiving 2026: 13:00 New York = 18:00 UTC.
        assertThat(UsEquityCalendar.nextSessionClose(Instant.parse("2026-11-27T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
    }

    @Test
    void aHolidayIsSkipped() {
        // Thanksgiving 2026 (Thursday) is shut; the next close is Friday's early close.
        assertThat(UsEquityCalendar.nextSessionClose(Instant.parse("2026-11-26T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
    }

    @Test
    void regularHoursRespectOpenCloseAndSummerTime() {
        assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-07-01T13:30:00Z"))).isTrue();  // 09:30 EDT
        assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-07-01T13:29:59Z"))).isFalse();
        assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-07-01T20:00:00Z"))).isFalse(); // 16:00 EDT
        assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-12-01T14:30:00Z"))).isTrue();  // 09:30 EST
        assertThat(UsEquityCalendar.isRegularHours(Instant.parse("2026-12-25T16:00:00Z"))).isFalse(); // Christmas
    }

    private static List<String> holidays(int year) {
        return days(year).filter(d -> d.getDayOfWeek().getValue() <= 5 && UsEquityCalendar.isHoliday(d))
                .map(LocalDate::toString).toList();
    }

    private static List<String> earlyCloses(int year) {
        return days(year).filter(UsEquityCalendar::isEarlyClose).map(LocalDate::toString).toList();
    }

    private static Stream<LocalDate> days(int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), d -> d.plusDays(1)).limit(Year.of(year).length());
    }
}
